import { z } from 'zod';
import { CLASSIFICATION_BASES, PEER_GROUP_TYPES } from '../constants/compare';
import { CountrySchema, Iso3Schema } from '../domain/country';
import { SectorSchema } from '../domain/indicator';
import { LevelSchema, LevelWordingSchema } from '../domain/level';
import type { PeerStats } from '../domain/peer-stats';
import type { SameShape } from './common';
import { FrameworkCodeSchema } from './frameworks';

export {
  CLASSIFICATION_BASES,
  type ClassificationBasis,
  PEER_GROUP_TYPES,
  type PeerGroupType,
} from '../constants/compare';

export const PeerGroupTypeSchema = z.enum(PEER_GROUP_TYPES);

export const COMPARE_SOURCES = ['published', 'national'] as const;
export const CompareSourceSchema = z
  .enum(COMPARE_SOURCES)
  .default('published')
  .describe(
    "published (default): the round's published answers; national: each country's latest national report on " +
      "the round's questions within the round's dates (approved reports; drafts too for who may see them)",
  );
export type CompareSource = (typeof COMPARE_SOURCES)[number];

export const ClassificationBasisSchema = z
  .enum(CLASSIFICATION_BASES)
  .default('round')
  .describe(
    "Which WHO regions and income groups make the group: round (default), the classification in force for the round (the round's own file for the countries that answered it); today, today's reference",
  );

/** Which round a comparison or heatmap reads. */
const roundFields = {
  framework: FrameworkCodeSchema.describe('Framework code, e.g. tracss-2019-2020'),
  period: z.string().trim().min(1).max(32).optional().describe('Period code; the latest period by default'),
};

/** Which group, data and classification a comparison or heatmap reads; `unnamed` says what no group means. */
const groupFields = (groupType: z.ZodDefault<typeof PeerGroupTypeSchema>, unnamed: string) => ({
  groupType,
  group: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe(
      'WHO region code (who_region), income group code (income_group), UN M49 region name (un_region), ' +
        `comma-separated ISO3 codes (countries) or a saved group's id (saved); ${unnamed}`,
    ),
  source: CompareSourceSchema,
  classification: ClassificationBasisSchema,
});

export const CompareQuerySchema = z.object({
  ...roundFields,
  country: Iso3Schema.describe('The country compared with the group'),
  ...groupFields(
    PeerGroupTypeSchema.default('who_region'),
    "defaults to the country's own region or income group",
  ),
});
export type CompareQuery = z.input<typeof CompareQuerySchema>;

const StatsSchema = z.object({
  n: z.number().int().describe('Group members with a level answer'),
  distribution: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), E: z.number() }),
  median: z.number().nullable().describe('Score A = 1 … E = 5'),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});
// PeerStats is written out in shared/domain/peer-stats.ts rather than inferred from this schema: that file
// stays zod-free because the distribution chart uses it on pages whose first JS has no zod (vite.config.ts
// keeps it out of the schemas chunk). Proof the two say the same: this stops compiling if either drifts.
true satisfies SameShape<z.infer<typeof StatsSchema>, PeerStats>;

export const CompareRowSchema = z.object({
  indicator: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    section: z.string().nullable(),
    sectors: z.array(SectorSchema),
    levels: LevelWordingSchema.nullable(),
  }),
  countryLevel: LevelSchema.nullable(),
  stats: StatsSchema.describe('Over every group member, the country included if it belongs to the group'),
  rank: z.number().int().nullable().describe('1 + peers (group without the country) at a higher level'),
  percentile: z.number().nullable().describe('Peers below + half of peers at the same level, in %'),
});
export type CompareRow = z.infer<typeof CompareRowSchema>;

export const PeerGroupSchema = z.object({
  type: PeerGroupTypeSchema,
  key: z.string(),
  label: z.string(),
  members: z.array(z.string()).describe('ISO3 codes of the group'),
  classification: z
    .object({
      basis: z.enum(CLASSIFICATION_BASES),
      note: z.string().describe('Which classification made the group, in words'),
    })
    .nullable()
    .describe('For WHO region and income group groups: which classification made them; null otherwise'),
});

export const CompareResultSchema = z.object({
  framework: z.string(),
  period: z.string(),
  source: z.enum(COMPARE_SOURCES).describe('Which data the comparison used'),
  country: CountrySchema,
  group: PeerGroupSchema,
  rows: z.array(CompareRowSchema),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;

/* Heatmap of a group: countries × A–E indicators (also feeds the map and the dashboard). */

export const HeatmapQuerySchema = z.object({
  ...roundFields,
  ...groupFields(PeerGroupTypeSchema.default('all'), 'not used with all'),
});
export type HeatmapQuery = z.input<typeof HeatmapQuerySchema>;

export const HeatmapIndicatorSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  section: z.string().nullable(),
  stats: StatsSchema.describe("Over the group's members that answered this indicator"),
});
export type HeatmapIndicator = z.infer<typeof HeatmapIndicatorSchema>;

export const HeatmapCountrySchema = CountrySchema.pick({
  iso3: true,
  name: true,
  m49Code: true,
  whoRegion: true,
  incomeGroup: true,
}).extend({
  levels: z.array(LevelSchema.nullable()).describe('One per indicator, in the order of `indicators`'),
  answered: z.number().int().describe('Indicators with a level answer'),
  score: z
    .number()
    .nullable()
    .describe('Mean score (A = 1 … E = 5) over the answered indicators, 2 decimals; null without answers'),
});
export type HeatmapCountry = z.infer<typeof HeatmapCountrySchema>;

export const HeatmapResultSchema = z.object({
  framework: z.string(),
  period: z.string(),
  source: z.enum(COMPARE_SOURCES).describe('Which data the heatmap used'),
  group: PeerGroupSchema,
  indicators: z.array(HeatmapIndicatorSchema),
  countries: z.array(HeatmapCountrySchema).describe('Every member, by name; those without answers too'),
});
export type HeatmapResult = z.infer<typeof HeatmapResultSchema>;
