/**
 * Indicator directions and One Health sectors without zod (the plan forms list them);
 * shared/domain/indicator.ts re-exports them next to their schemas.
 */

export const DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** One Health sectors of a NAP. */
export const SECTORS = [
  'human_health',
  'terrestrial_animal_health',
  'aquatic_animal_health',
  'plant_health',
  'food_production',
  'food_safety',
  'environment',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * The measure types a country may give its own indicators (choice questions come from frameworks):
 * the plan editor lists them, the plan API accepts them.
 */
export const NATIONAL_MEASURE_TYPES = [
  'number',
  'count',
  'percentage',
  'ratio',
  'yes_no',
  'level',
  'text',
] as const;

/**
 * The measure types whose answers are options of the indicator (docs/decisions/choice-questions.md).
 * zod-free: the country page's profile table sorts by it while rendering.
 */
export const CHOICE_MEASURE_TYPES = ['single_choice', 'multiple_choice'] as const;
export const isChoiceMeasure = (t: string): t is (typeof CHOICE_MEASURE_TYPES)[number] =>
  (CHOICE_MEASURE_TYPES as readonly string[]).includes(t);
