/**
 * Value statuses without zod (docs/decisions/lazy-response-schemas.md); shared/domain/value.ts
 * re-exports them next to their schemas.
 */
export const VALUE_STATUSES = ['reported', 'no_data', 'not_applicable'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** A text milestone's answer: a short statement ("Law adopted in May 2024"), not a report. */
export const TEXT_VALUE_MAX = 500;
