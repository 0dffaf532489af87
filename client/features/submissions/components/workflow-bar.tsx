import { useState } from 'react';
import type { EntryGrid } from '../../../../shared';
import { TRANSITION_RULES, type Transition } from '../../../../shared/constants/reporting';
import { useT } from '../../../i18n/context';
import { useTransition } from '../api/transition';

export const STATE_NAMES = {
  draft: 'Draft',
  submitted: 'Submitted, waiting for validation',
  approved: 'Approved (locked)',
  returned: 'Returned to the focal points',
  due: 'Due',
  overdue: 'Overdue',
} as const;

/** The period's workflow state and the steps the signed-in user may take. */
export function WorkflowBar(p: { grid: EntryGrid; canSubmit: boolean; canValidate: boolean }) {
  const s = p.grid.period.submission;
  const mutation = useTransition(p.grid.period.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const tr = useT();
  const open = (t: Transition) => TRANSITION_RULES[t].from.includes(s.state);
  const run = (t: Transition) => {
    if ((t === 'return' || t === 'reopen') && !reason.trim())
      return setProblem(tr('workflow.reasonRequired'));
    setProblem(null);
    mutation.mutate(
      { t, version: s.version, ...(t === 'return' || t === 'reopen' ? { reason } : {}) },
      { onSuccess: () => setReason(''), onError: (e) => setProblem(e.message) },
    );
  };
  return (
    <section aria-label={tr('workflow.label')} className="section workflow-bar">
      <p>
        <strong>{tr('workflow.state')}</strong>{' '}
        <span data-testid="submission-state">{tr(`state.${s.state}`)}</span>
        {s.reason &&
          (s.state === 'returned' || s.state === 'draft') &&
          tr('workflow.reason', { reason: s.reason })}
      </p>
      {p.canSubmit && open('submit') && (
        <button type="button" onClick={() => run('submit')} disabled={mutation.isPending}>
          {tr('workflow.submit')}
        </button>
      )}
      {p.canValidate && (open('approve') || open('reopen')) && (
        <>
          <label>
            {tr('workflow.reasonLabel')}{' '}
            <input type="text" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </label>{' '}
          {open('approve') && (
            <>
              <button type="button" onClick={() => run('approve')} disabled={mutation.isPending}>
                {tr('workflow.approve')}
              </button>{' '}
              <button type="button" onClick={() => run('return')} disabled={mutation.isPending}>
                {tr('workflow.return')}
              </button>
            </>
          )}
          {open('reopen') && (
            <button type="button" onClick={() => run('reopen')} disabled={mutation.isPending}>
              {tr('workflow.reopen')}
            </button>
          )}
        </>
      )}
      {problem && (
        <p className="entry-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
