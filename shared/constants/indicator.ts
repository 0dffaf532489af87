/**
 * Indicator directions and One Health sectors without zod (issue 7: the plan forms list them);
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
