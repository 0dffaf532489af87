import {
  dueStateOf,
  type PeriodKind,
  type PlanPeriod,
  type Submission,
  type SubmissionState,
} from '../../../shared';
import type { PeriodRow, SubmissionRow } from './repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ref = (id: number | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

type Names = PeriodRow['names'];

/**
 * The submission as the API shows it. Redacted for who may not see the country's unapproved data:
 * no names (who entered or validated it) and no reason (a return's reason is a comment on
 * unapproved data); the state and the dates stay.
 */
export function toSubmission(s: SubmissionRow, names: Names, opts: { redact?: boolean } = {}): Submission {
  const by = (id: number | null, name: string | null) => (opts.redact ? null : ref(id, name));
  return {
    id: s.id,
    countryIso3: s.countryIso3,
    state: s.state as SubmissionState,
    reason: opts.redact ? null : s.reason,
    version: s.version,
    submitted: { by: by(s.submittedBy, names.submitted), at: iso(s.submittedAt) },
    approved: { by: by(s.approvedBy, names.approved), at: iso(s.approvedAt) },
    returned: { by: by(s.returnedBy, names.returned), at: iso(s.returnedAt) },
    reopened: { by: by(s.reopenedBy, names.reopened), at: iso(s.reopenedAt) },
  };
}

/** The date part of the clock (UTC), to compare with due dates. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export function toPlanPeriod(r: PeriodRow, today: string, opts: { redact?: boolean } = {}): PlanPeriod {
  const submission = toSubmission(r.submission, r.names, opts);
  return {
    id: r.period.id,
    planId: r.period.planId,
    code: r.period.code,
    kind: r.period.kind as PeriodKind,
    startDate: r.period.startDate,
    endDate: r.period.endDate,
    dueDate: r.period.dueDate,
    dueState: dueStateOf(submission.state, r.period.dueDate, today),
    demo: r.period.demo,
    submission,
  };
}

/** What the audit log keeps of a submission: its state and reason. */
export const submissionSnapshot = (s: SubmissionRow) => ({
  state: s.state,
  reason: s.reason,
  version: s.version,
});
