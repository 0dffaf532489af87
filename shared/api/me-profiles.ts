import { z } from 'zod';
import { REASON_MAX_LENGTH } from '../constants/reporting';
import { Iso3Schema } from '../domain/country';
import { GapObjectiveSchema, SectorSchema } from '../domain/indicator';
import { LevelSchema } from '../domain/level';
import {
  MeChallengeSchema,
  MeLearningContentSchema,
  MeSectionSchema,
  MeSourceSchema,
  MeStepContentSchema,
} from '../domain/me-profile';
import { SubmissionStateSchema } from '../domain/reporting';
import { PeerGroupTypeSchema } from './compare';
import { UserRefSchema } from './values';

/**
 * M&E system profiles, challenges and lessons, side by side (briefing sessions and their packs, made
 * from these: ./briefings).
 *
 * Layers of a section: `published` (transcribed from a public source, shipped as reference data;
 * read-only, changed only by an administrator's re-import), `approved` (the country's national
 * content a validator approved; public) and `draft` (the version the country is working on:
 * draft → submitted → approved | returned; seen only by the country's roles, facilitators and
 * administrators). The public reads approved content, else published content (effectiveMeSection).
 * Comparisons, the learning view and briefing packs use public layers only, whoever asks: a pack is
 * sent before a meeting and must hold nothing unapproved.
 */

const version = z.number().int().min(0).max(2_147_483_647);
export const MeProfileParamsSchema = z.object({ iso3: Iso3Schema });
export const MeSectionParamsSchema = z.object({ iso3: Iso3Schema, section: MeSectionSchema });

export const MeSectionContentSchema = z.union([MeStepContentSchema, MeLearningContentSchema]);

/** PUT a section's draft: the whole content; version = the section's version you read (0: never written). */
export const SaveMeSectionBodySchema = z.object({
  content: MeSectionContentSchema.describe(
    "A step's { fields, text, textSources, sources } or learning's { challenges, lessons, sources }; checked against the section's definition (meSectionIssues)",
  ),
  version,
});
export type SaveMeSectionBody = z.input<typeof SaveMeSectionBodySchema>;

export const MeTransitionBodySchema = z.object({ version: version.min(1) });
export const MeReturnBodySchema = z.object({
  version: version.min(1),
  reason: z.string().trim().min(1, 'is required').max(REASON_MAX_LENGTH),
});

const stamp = z.object({ by: UserRefSchema.nullable(), at: z.string() });

export const MeSectionViewSchema = z.object({
  section: MeSectionSchema,
  version: z
    .number()
    .int()
    .describe(
      "The section's version, raised by every save and transition: send it back with the next one (0: never written)",
    ),
  published: z
    .object({
      content: MeSectionContentSchema,
      dataset: z.string().describe('The reference dataset it was transcribed into, e.g. jordan-me-profile'),
      loadedAt: z.string(),
    })
    .nullable(),
  approved: z.object({ content: MeSectionContentSchema, approved: stamp }).nullable(),
  draft: z
    .object({
      content: MeSectionContentSchema,
      state: SubmissionStateSchema.exclude(['approved']),
      reason: z.string().nullable().describe('Why it was returned'),
      updated: stamp,
      submitted: stamp.nullable(),
    })
    .nullable()
    .describe("Only for the country's roles, facilitators and administrators"),
});
export type MeSectionView = z.infer<typeof MeSectionViewSchema>;

export const MePlanIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  gapObjective: GapObjectiveSchema.nullable(),
  sectors: z.array(SectorSchema),
  resultLevel: z.string().nullable(),
  dataSource: z.string().nullable(),
  frequency: z.string().nullable(),
});

export const MeProfileSchema = z.object({
  country: z.object({ iso3: z.string(), name: z.string() }),
  sections: z.array(MeSectionViewSchema).describe('Every section, in the order of ME_SECTIONS'),
  plan: z
    .object({ id: z.number().int(), name: z.string(), indicators: z.array(MePlanIndicatorSchema) })
    .nullable()
    .describe("Step 3's linked indicators: the country's current plan, as the caller may read it"),
  can: z.object({
    edit: z.boolean().describe('May save drafts and submit (focal points of the country, administrators)'),
    validate: z.boolean().describe('May approve or return (validators of the country, administrators)'),
  }),
});
export type MeProfile = z.infer<typeof MeProfileSchema>;

/** Which countries: a peer group as the comparison pages name it, and/or a list; the case study joins. */
export const MeGroupQuerySchema = z.object({
  groupType: PeerGroupTypeSchema.default('countries'),
  group: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('As in /api/compare; for countries: comma-separated ISO3'),
  case: z
    .union([Iso3Schema, z.literal('none')])
    .default('JOR')
    .describe('Case study, first column; Jordan by default'),
});
export type MeGroupQuery = z.input<typeof MeGroupQuerySchema>;

const CountryRefSchema = z.object({ iso3: z.string(), name: z.string() });
const PublicProvenanceSchema = z.enum(['published', 'national_approved']);

export const MeCompareCellSchema = z.object({
  iso3: z.string(),
  value: z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]).nullable(),
  provenance: PublicProvenanceSchema.nullable(),
  sources: z.array(MeSourceSchema).describe('The sources this value cites'),
});

export const MeCompareSchema = z.object({
  countries: z.array(CountryRefSchema).describe('The case study first, then the group by name'),
  rows: z.array(
    z.object({ section: MeSectionSchema, field: z.string(), cells: z.array(MeCompareCellSchema) }),
  ),
  tracss: z
    .object({
      framework: z.string(),
      frameworkName: z.string(),
      period: z.string(),
      questions: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          levels: z.array(z.object({ iso3: z.string(), level: LevelSchema.nullable() })),
        }),
      ),
    })
    .nullable()
    .describe('Published levels of the latest round on the M&E questions (ME_TRACSS_QUESTIONS)'),
  implementation: z
    .array(
      z.object({
        iso3: z.string(),
        planName: z.string().nullable(),
        objectives: z.array(
          z.object({
            number: z.number().int(),
            title: z.string(),
            rate: z.number().nullable(),
            provenance: PublicProvenanceSchema,
          }),
        ),
      }),
    )
    .describe('Implementation rates by objective where published or approved; nothing computed from drafts'),
});
export type MeCompare = z.infer<typeof MeCompareSchema>;

export const MeLearningQuerySchema = MeGroupQuerySchema.extend({
  objective: z.coerce.number().int().min(1).max(5).optional().describe('Only lessons on this GAP objective'),
  sector: SectorSchema.optional().describe('Only lessons on this One Health sector'),
  challenge: MeChallengeSchema.optional(),
});
export type MeLearningQuery = z.input<typeof MeLearningQuerySchema>;

export const MeLearningSchema = z.object({
  countries: z.array(CountryRefSchema),
  challenges: z
    .array(
      z.object({
        code: MeChallengeSchema,
        countries: z.array(
          CountryRefSchema.extend({
            note: z.string().nullable(),
            provenance: PublicProvenanceSchema,
            sources: z.array(MeSourceSchema),
          }),
        ),
        lessonCount: z.number().int(),
      }),
    )
    .describe('Every challenge of the vocabulary, most shared first'),
  lessons: z.array(
    z.object({
      country: CountryRefSchema,
      challenge: MeChallengeSchema.nullable(),
      title: z.string(),
      text: z.string().nullable(),
      objectives: z.array(GapObjectiveSchema),
      sectors: z.array(SectorSchema),
      provenance: PublicProvenanceSchema,
      sources: z.array(MeSourceSchema),
    }),
  ),
});
export type MeLearning = z.infer<typeof MeLearningSchema>;
