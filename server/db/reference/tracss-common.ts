import { type LevelWording, SECTORS, type Sector } from '../../../shared';
import type { indicators } from '../schema';

/** What the shipped rounds' questions files hold, as the loaders read it. */

const ALL_SECTORS: Sector[] = [...SECTORS];

/** Maps the sector classification of the questions files (ours, not the survey's) to One Health sectors. */
export const SECTOR_MAP: Record<string, Sector[]> = {
  'Multisectoral (One Health)': ALL_SECTORS,
  'Human health': ['human_health'],
  'Animal health': ['terrestrial_animal_health', 'aquatic_animal_health'],
  'Plant health': ['plant_health'],
  'Food safety': ['food_safety'],
  'Animal health and food safety': ['terrestrial_animal_health', 'aquatic_animal_health', 'food_safety'],
  'Plant/food production/food safety/environment': [
    'plant_health',
    'food_production',
    'food_safety',
    'environment',
  ],
  'Food and agriculture': [
    'terrestrial_animal_health',
    'aquatic_animal_health',
    'plant_health',
    'food_production',
    'food_safety',
  ],
  Environment: ['environment'],
};

export type NewIndicator = typeof indicators.$inferInsert;

/** The A–E wording of a questions file's row (its level_A … level_E columns). */
export const levelsOf = (r: Record<string, string>): LevelWording => ({
  A: r.level_A ?? '',
  B: r.level_B ?? '',
  C: r.level_C ?? '',
  D: r.level_D ?? '',
  E: r.level_E ?? '',
});
