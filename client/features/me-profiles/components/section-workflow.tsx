import { useState } from 'react';
import type { MeSectionView } from '../../../../shared';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { type MeTransition, useTransitionMeSection } from '../api/transition-me-section';
import { useMeText } from '../text';

/** The draft's state: draft, submitted, or returned with the validator's reason; who and when. */
export function DraftStateChip({ view }: { view: MeSectionView }) {
  const { t, formatDate } = useI18n();
  const d = view.draft;
  if (!d) return null;
  const stamp = d.state === 'submitted' && d.submitted ? d.submitted : d.updated;
  return (
    <p className="me-state small">
      <span className={`chip chip--state chip--${d.state}`}>{t(`state.${d.state}`)}</span>{' '}
      {stamp.by
        ? t('meView.stampBy', { who: stamp.by.name, date: formatDate(stamp.at) })
        : t('meView.stamp', { date: formatDate(stamp.at) })}
      {d.state === 'returned' && d.reason && (
        <>
          {' '}
          <strong>{t('meView.returnedReason', { reason: d.reason })}</strong>
        </>
      )}
    </p>
  );
}

/**
 * Submit (focal points), approve or return (validators): each step asks first, saying what it
 * will do. Returning needs its own reason. The server decides; these only offer what it allows.
 */
export function SectionWorkflow({
  iso3,
  countryName,
  view,
  can,
}: {
  iso3: string;
  countryName: string;
  view: MeSectionView;
  can: { edit: boolean; validate: boolean };
}) {
  const { errorText } = useErrorText();
  const { t } = useI18n();
  const text = useMeText();
  const section = text.sections[view.section];
  const step = useTransitionMeSection(iso3, view.section);
  const [asking, setAsking] = useState<MeTransition | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const state = view.draft?.state;
  const maySubmit = can.edit && (state === 'draft' || state === 'returned');
  const mayValidate = can.validate && state === 'submitted';

  const open = (s: MeTransition) => {
    setProblem(null);
    setDone(null);
    setAsking(s);
  };
  const confirm = (reason: string) => {
    if (!asking) return;
    const taken = asking;
    step.mutate(
      { step: taken, version: view.version, ...(taken === 'return' ? { reason } : {}) },
      {
        onSuccess: () => {
          setAsking(null);
          setDone(t(`meFlow.done.${taken}`, { section }));
        },
        onError: (err) => setProblem(errorText(err)),
      },
    );
  };

  if (!maySubmit && !mayValidate && !done) return null;
  const words = { section, country: countryName };
  return (
    <div className="me-workflow">
      {maySubmit && (
        <button type="button" className="button button--small" onClick={() => open('submit')}>
          {t('meFlow.submit', { section })}
        </button>
      )}
      {mayValidate && (
        <>
          <button type="button" className="button button--small" onClick={() => open('approve')}>
            {t('meFlow.approve', { section })}
          </button>{' '}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => open('return')}
          >
            {t('meFlow.return', { section })}
          </button>
        </>
      )}
      {done && (
        <p role="status" className="muted small">
          {done}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t(`meFlow.ask.${asking}`, words)}
          confirmLabel={t(`meFlow.confirm.${asking}`)}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
          busy={step.isPending}
          error={problem}
          reasonLabel={asking === 'return' ? t('meFlow.reason') : undefined}
        >
          <p>{t(`meFlow.explain.${asking}`, words)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
