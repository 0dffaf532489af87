/**
 * Plan, activity and progress statuses without zod (the plan pages render them before any
 * schema loads); shared/domain/plan.ts, implementation.ts and progress.ts re-export them next to their schemas.
 */

export const PLAN_STATUSES = ['draft', 'approved', 'implementing', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A status change that is an approval act, which only the country's validators and admins may make:
 * approving a draft (any status past draft), setting or leaving "approved", or taking a plan back to
 * draft. Other changes (implementing → closed) are edits. The server enforces it; the plan form uses
 * it to offer only the statuses the user may choose.
 */
export function changesApproval(from: PlanStatus | null, to: PlanStatus | undefined): boolean {
  if (to === undefined || to === from) return false;
  const wasDraft = from === null || from === 'draft';
  return to === 'approved' || from === 'approved' || wasDraft !== (to === 'draft');
}

export const FUNDING_STATUSES = ['funded', 'partly', 'unfunded'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

/**
 * An activity's implementation status. `not_reported`: nobody has reported it (a published plan whose
 * evaluation gave no status per activity); like `cancelled`, it does not count in implementation rates.
 */
export const IMPLEMENTATION_STATUSES = [
  'not_started',
  'ongoing',
  'completed',
  'cancelled',
  'not_reported',
] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/**
 * Text lengths of a plan and its parts. The request schemas (shared/api/plans.ts, plan-edit.ts) bound
 * their fields with these and the plan forms give them as `maxLength`, so a form stops where the API
 * would refuse; zod-free because the forms render before any schema loads.
 */
export const PLAN_LIMITS = {
  planTitle: 300,
  sourceNote: 2000,
  objectiveCode: 16,
  objectiveTitle: 500,
  activityCode: 32,
  activityTitle: 500,
  leadAgency: 300,
  timeline: 300,
  frameworkCode: 64,
  indicatorCode: 32,
  indicatorName: 500,
  unit: 50,
  definition: 2000,
  targetText: 2000,
  baselineSource: 500,
} as const;
