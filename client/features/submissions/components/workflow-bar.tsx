import { useState } from 'react';
import type { EntryGrid } from '../../../../shared';
import { TRANSITION_RULES, type Transition } from '../../../../shared/constants/reporting';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useTransition } from '../api/transition';

/**
 * The period's workflow state and the steps the signed-in user may take. Each step says what it
 * will do and waits for a confirmation; Return and Reopen ask for their own reason.
 */
export function WorkflowBar(p: {
  grid: EntryGrid;
  countryName: string;
  canSubmit: boolean;
  canValidate: boolean;
  /** Values of this period still in the outbox: Submit waits until they reach the server. */
  waiting?: number;
}) {
  const s = p.grid.period.submission;
  const mutation = useTransition(p.grid.period.id);
  const [failed, setFailed] = useState<{ step: Transition; message: string } | null>(null);
  const t = useT();
  const { errorText } = useErrorText();
  const open = (step: Transition) => TRANSITION_RULES[step].from.includes(s.state);
  const what = { country: p.countryName, period: p.grid.period.code };
  const { entered, expected } = p.grid.completeness;

  const run = (step: Transition) => async (reason: string) => {
    setFailed(null);
    try {
      await mutation.mutateAsync({ t: step, version: s.version, ...(reason ? { reason } : {}) });
      return true;
    } catch (e) {
      setFailed({ step, message: errorText(e) });
      return false;
    }
  };
  const errorOf = (step: Transition) => (failed?.step === step ? failed.message : null);
  const common = { pending: mutation.isPending };

  return (
    <section aria-label={t('workflow.label')} className="section workflow-bar">
      <p>
        <strong>{t('workflow.state')}</strong>{' '}
        <span data-testid="submission-state">{t(`state.${s.state}`)}</span>
        {s.reason &&
          (s.state === 'returned' || s.state === 'draft') &&
          t('workflow.reason', { reason: s.reason })}
      </p>
      <div className="workflow-bar__actions">
        {p.canSubmit && open('submit') && !!p.waiting && (
          <>
            <button type="button" className="button" disabled aria-describedby="outbox-waiting">
              {t('workflow.submit')}
            </button>
            <p id="outbox-waiting" className="entry-queued small">
              {t('workflow.outboxWaiting', { count: p.waiting })}
            </p>
          </>
        )}
        {p.canSubmit && open('submit') && !p.waiting && (
          <ConfirmAction
            {...common}
            label={t('workflow.submit')}
            variant="primary"
            question={t('workflow.confirmSubmit', { count: entered, ...what })}
            detail={
              entered < expected
                ? t('workflow.submitMissing', { count: expected - entered })
                : t('workflow.submitDetail')
            }
            confirmLabel={t('workflow.submitConfirm')}
            error={errorOf('submit')}
            onConfirm={run('submit')}
          />
        )}
        {p.canValidate && open('approve') && (
          <>
            <ConfirmAction
              {...common}
              label={t('workflow.approve')}
              variant="primary"
              question={t('workflow.confirmApprove', { count: entered, ...what })}
              detail={t('workflow.approveDetail')}
              confirmLabel={t('workflow.approveConfirm')}
              error={errorOf('approve')}
              onConfirm={run('approve')}
            />
            <ConfirmAction
              {...common}
              label={t('workflow.return')}
              variant="danger"
              question={t('workflow.confirmReturn', what)}
              detail={t('workflow.returnDetail')}
              reasonLabel={t('workflow.returnReason')}
              confirmLabel={t('workflow.returnConfirm')}
              error={errorOf('return')}
              onConfirm={run('return')}
            />
          </>
        )}
        {p.canValidate && open('reopen') && (
          <ConfirmAction
            {...common}
            label={t('workflow.reopen')}
            variant="danger"
            question={t('workflow.confirmReopen', what)}
            detail={t('workflow.reopenDetail')}
            reasonLabel={t('workflow.reopenReason')}
            confirmLabel={t('workflow.reopenConfirm')}
            error={errorOf('reopen')}
            onConfirm={run('reopen')}
          />
        )}
      </div>
    </section>
  );
}
