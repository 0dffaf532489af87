import { z } from 'zod';
import { LEVELS } from '../constants/level';

export * from '../constants/level';

export const LevelSchema = z.enum(LEVELS);

/** Wording of each level of an ordinal indicator. */
export const LevelWordingSchema = z.object({
  A: z.string(),
  B: z.string(),
  C: z.string(),
  D: z.string(),
  E: z.string(),
});
export type LevelWording = z.infer<typeof LevelWordingSchema>;
