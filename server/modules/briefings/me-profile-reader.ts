import type { z } from 'zod';
import type {
  MeCompare,
  MeGroupQuerySchema,
  MeLearning,
  MeLearningQuerySchema,
  MeProfile,
} from '../../../shared';

/**
 * What a briefing pack reads the M&E profiles through: public layers only (published, approved),
 * whoever asks. Must match `MeProfileReader` of server/modules/me-profiles/reader.ts, built by
 * `createMeProfileReader(database)`; once that module is on main, import the interface from there
 * and delete this copy.
 */
export interface MeProfileReader {
  publicProfile(iso3: string): Promise<MeProfile | null>;
  compare(q: z.output<typeof MeGroupQuerySchema>): Promise<MeCompare>;
  learning(q: z.output<typeof MeLearningQuerySchema>): Promise<MeLearning>;
}
