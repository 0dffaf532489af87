import { z } from 'zod';
import { BRIEFING_LIMITS } from '../constants/me-profile';
import { Iso3Schema } from '../domain/country';
import { BRIEFING_TOPICS } from '../domain/me-profile';
import { listOf } from './common';
import { PeerGroupTypeSchema } from './compare';
import { LocaleSchema } from './i18n';
import { MeCompareSchema, MeLearningSchema, MeProfileSchema } from './me-profiles';
import { UserRefSchema } from './values';

/**
 * Briefing sessions: a facilitator's record of a peer-learning session and the packs made for it. A pack
 * is made from the M&E profiles' public layers only (./me-profiles), whoever asks: it is sent before a
 * meeting and must hold nothing unapproved.
 */

const version = z.number().int().min(0).max(2_147_483_647);
const CountryRefSchema = z.object({ iso3: z.string(), name: z.string() });

export const BriefingTopicSchema = z.enum(BRIEFING_TOPICS);
export const BriefingSessionParamsSchema = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const BriefingPackParamsSchema = BriefingSessionParamsSchema.extend({
  packId: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const BriefingSessionInputSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(BRIEFING_LIMITS.title),
  date: z.iso.date().nullable().default(null).describe('When the session meets (YYYY-MM-DD)'),
  groupType: PeerGroupTypeSchema,
  group: z.string().trim().max(2000).nullable().default(null),
  caseStudy: Iso3Schema.nullable().default('JOR'),
  topics: z
    .array(BriefingTopicSchema)
    .min(1, 'choose at least one')
    .max(BRIEFING_TOPICS.length)
    .refine((a) => new Set(a).size === a.length, {
      message: 'lists a topic twice',
      params: { code: 'duplicate' },
    }),
  agenda: z.string().trim().max(BRIEFING_LIMITS.agenda).nullable().default(null),
  lang: LocaleSchema.default('en').describe("The pack's language"),
  startedFrom: z
    .number()
    .int()
    .min(1)
    .nullable()
    .default(null)
    .describe('The earlier session this one continues'),
});
export type BriefingSessionInput = z.input<typeof BriefingSessionInputSchema>;

export const BriefingPackRefSchema = z.object({
  id: z.number().int(),
  format: z.enum(['pdf', 'xlsx']),
  lang: LocaleSchema,
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: UserRefSchema.nullable(),
});

export const BriefingSessionSchema = BriefingSessionInputSchema.extend({
  id: z.number().int(),
  countries: z.array(CountryRefSchema).describe('The group resolved when the session was saved'),
  createdBy: UserRefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  packs: z
    .array(BriefingPackRefSchema)
    .describe('Packs made for this session, newest first; each kept as sent'),
});
export type BriefingSession = z.infer<typeof BriefingSessionSchema>;
export const BriefingSessionListSchema = listOf(BriefingSessionSchema.omit({ packs: true }));

export const UpdateBriefingSessionBodySchema = BriefingSessionInputSchema.extend({ version: version.min(1) });

export const BriefingPackQuerySchema = z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') });

/** What a briefing pack is made from: the session, the case study's public profile, the comparison, the learning. */
export const BriefingPackDataSchema = z.object({
  session: BriefingSessionSchema.omit({ packs: true }),
  generatedAt: z.string(),
  caseStudy: MeProfileSchema.nullable().describe('Public layers only (no drafts)'),
  compare: MeCompareSchema,
  learning: MeLearningSchema,
});
export type BriefingPackData = z.infer<typeof BriefingPackDataSchema>;
