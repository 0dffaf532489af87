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

export function toSubmission(s: SubmissionRow, names: Names): Submission {
  return {
    id: s.id,
    countryIso3: s.countryIso3,
    state: s.state as SubmissionState,
    reason: s.reason,
    version: s.version,
    submitted: { by: ref(s.submittedBy, names.submitted), at: iso(s.submittedAt) },
    approved: { by: ref(s.approvedBy, names.approved), at: iso(s.approvedAt) },
    returned: { by: ref(s.returnedBy, names.returned), at: iso(s.returnedAt) },
    reopened: { by: ref(s.reopenedBy, names.reopened), at: iso(s.reopenedAt) },
  };
}

/** The date part of the clock (UTC), to compare with due dates. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export function toPlanPeriod(r: PeriodRow, today: string): PlanPeriod {
  const submission = toSubmission(r.submission, r.names);
  return {
    id: r.period.id,
    planId: r.period.planId,
    code: r.period.code,
    kind: r.period.kind as PeriodKind,
    startDate: r.period.startDate,
    endDate: r.period.endDate,
    dueDate: r.period.dueDate,
    dueState: dueStateOf(submission.state, r.period.dueDate, today),
    submission,
  };
}

/** What the audit log keeps of a submission: its state and reason. */
export const submissionSnapshot = (s: SubmissionRow) => ({
  state: s.state,
  reason: s.reason,
  version: s.version,
});
