import { z } from 'zod';
import { CHANGE_KINDS, COMPARED } from '../constants/compare';
import { LevelSchema } from '../domain/level';
import { ClassificationBasisSchema, PeerGroupSchema, PeerGroupTypeSchema } from './compare';
import { FrameworkCodeSchema } from './frameworks';
import { ComparabilitySchema, PeriodCodeSchema } from './rounds';

export {
  CHANGE_KINDS,
  type ChangeKind,
  COMPARABILITIES,
  COMPARED,
  type Comparability,
  type Compared,
  isCompared,
} from '../constants/compare';

/**
 * Change between two rounds, over the crosswalk's compared question pairs only
 * (comparable, and caution — marked with what changed); pairs not comparable are listed with their reason.
 */
export const ChangeQuerySchema = z.object({
  from: FrameworkCodeSchema.describe('Earlier round, e.g. tracss-2019-2020'),
  to: FrameworkCodeSchema.describe('Later round'),
  fromPeriod: PeriodCodeSchema.optional().describe("The earlier round's latest period by default"),
  toPeriod: PeriodCodeSchema.optional().describe("The later round's latest period by default"),
  groupType: PeerGroupTypeSchema.default('all'),
  group: z.string().trim().max(2000).optional().describe('As for /api/compare/heatmap'),
  classification: ClassificationBasisSchema.describe(
    'round (default): the group as the later round classifies its members; today: today’s reference',
  ),
});
export type ChangeQuery = z.input<typeof ChangeQuerySchema>;

export const ChangeKindSchema = z.enum(CHANGE_KINDS);

const QuestionRefSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

const LevelCountsSchema = z
  .object({
    A: z.number().int(),
    B: z.number().int(),
    C: z.number().int(),
    D: z.number().int(),
    E: z.number().int(),
  })
  .describe('Members at each level A–E in that round');

export const ComparedComparabilitySchema = z
  .enum(COMPARED)
  .describe('comparable, or caution: same question with reworded levels (the note names what changed)');

export const ChangePairSchema = z.object({
  from: QuestionRefSchema,
  to: QuestionRefSchema,
  comparability: ComparedComparabilitySchema,
  note: z.string().nullable(),
  levels: z
    .object({ from: LevelCountsSchema, to: LevelCountsSchema })
    .describe("The group's distribution of levels in each round (members with a level in that round)"),
  counts: z.object({
    improved: z.number().int(),
    same: z.number().int(),
    regressed: z.number().int(),
    no_answer: z.number().int().describe('Members without a level in one of the rounds'),
  }),
  countries: z.array(
    z.object({
      iso3: z.string(),
      from: LevelSchema.nullable(),
      to: LevelSchema.nullable(),
      change: ChangeKindSchema,
    }),
  ),
});
export type ChangePair = z.infer<typeof ChangePairSchema>;

export const NotComparedPairSchema = z.object({
  from: z.string(),
  to: z.string().nullable().describe('Null: the question has no counterpart in the later round'),
  comparability: ComparabilitySchema,
  note: z.string().nullable(),
});
export type NotComparedPair = z.infer<typeof NotComparedPairSchema>;

export const ChangeMoverSchema = z.object({
  iso3: z.string(),
  name: z.string(),
  improved: z.number().int(),
  regressed: z.number().int(),
  same: z.number().int(),
  net: z
    .number()
    .int()
    .describe('Sum of level steps over the compared pairs, caution pairs included (C → E = +2)'),
});
export type ChangeMover = z.infer<typeof ChangeMoverSchema>;

export const ChangeResultSchema = z.object({
  from: z.object({ framework: z.string(), period: z.string() }),
  to: z.object({ framework: z.string(), period: z.string() }),
  group: PeerGroupSchema,
  pairs: z.array(ChangePairSchema).describe('Compared pairs only: comparable and caution'),
  notComparable: z
    .array(NotComparedPairSchema)
    .describe(
      'Pairs of the crosswalk that are not comparable, and questions without a counterpart: listed with their reason, never charted',
    ),
  movers: z.array(ChangeMoverSchema).describe('Members with an answer in both rounds, largest |net| first'),
});
export type ChangeResult = z.infer<typeof ChangeResultSchema>;
