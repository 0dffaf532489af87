/**
 * The reporting workflow's states and transitions without zod (the data entry page renders
 * with these); shared/domain/reporting.ts re-exports them next to their schemas.
 */

/** Workflow of one (country, plan, period): draft → submitted → approved | returned → submitted … */
export const SUBMISSION_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const TRANSITIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Which state a transition starts from and where it leads; who may take it is the server's rule. */
export const TRANSITION_RULES: Record<Transition, { from: SubmissionState[]; to: SubmissionState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  reopen: { from: ['approved'], to: 'draft' },
};

/**
 * Is a value far outside the indicator's history? A warning, never a block: more than three times
 * the historical range (at least 10% of the largest magnitude) away from the nearest past value.
 * Needs two past values; percentages and numbers alike.
 */
export function isFarOutsideHistory(value: number, history: number[]): boolean {
  if (history.length < 2 || !Number.isFinite(value)) return false;
  const min = Math.min(...history);
  const max = Math.max(...history);
  const spread = Math.max(max - min, 0.1 * Math.max(Math.abs(min), Math.abs(max)), 1e-9);
  const distance = value < min ? min - value : value > max ? value - max : 0;
  return distance > 3 * spread;
}

/**
 * The reason given on returning or reopening (a period, an M&E section): the workflow schemas bound it
 * and the reason boxes give it as maxLength.
 */
export const REASON_MAX_LENGTH = 1000;

/** A validator's comment on a value: the comment schema bounds it and the comment box gives it as maxLength. */
export const COMMENT_MAX_LENGTH = 2000;
