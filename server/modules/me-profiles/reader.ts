import type { z } from 'zod';
import type {
  MeCompare,
  MeGroupQuerySchema,
  MeLearning,
  MeLearningQuerySchema,
  MeProfile,
} from '../../../shared';
import type { Db } from '../../db/client';
import { findCountry } from '../countries/repository';
import { compareProfiles } from './compare-service';
import { type GroupViewer, PUBLIC_VIEWER } from './group';
import { learningOf } from './learning-service';
import { assembleProfile } from './service';

/**
 * What briefing packs read of the M&E profiles: public layers only (no draft, no draft plan), the
 * same functions the routes use. The caller checks who may make the pack; `who` narrows the countries
 * to those the requester may read and lets a private saved group be used by its owner (default: every
 * country, no requester).
 */
export interface MeProfileReader {
  publicProfile(iso3: string): Promise<MeProfile | null>;
  compare(q: z.output<typeof MeGroupQuerySchema>, who?: GroupViewer): Promise<MeCompare>;
  learning(q: z.output<typeof MeLearningQuerySchema>, who?: GroupViewer): Promise<MeLearning>;
}

export function createMeProfileReader(
  database: { db: Db },
  now: () => Date = () => new Date(),
): MeProfileReader {
  const { db } = database;
  const year = () => now().getUTCFullYear();
  return {
    async publicProfile(iso3) {
      const country = await findCountry(db, iso3);
      if (!country) return null;
      return assembleProfile(db, country, {
        drafts: false,
        draftPlans: false,
        can: { edit: false, validate: false },
        year: year(),
      });
    },
    compare: (q, who = PUBLIC_VIEWER) => compareProfiles(db, q, who, year()),
    learning: (q, who = PUBLIC_VIEWER) => learningOf(db, q, who),
  };
}
