import { z } from 'zod';
import { CHANGE_KINDS } from '../constants/compare';
import { LevelSchema } from '../domain/level';
import { ClassificationBasisSchema, PeerGroupSchema, PeerGroupTypeSchema } from './compare';
import { FrameworkCodeSchema } from './frameworks';
import { PeriodCodeSchema } from './rounds';

export { CHANGE_KINDS, type ChangeKind } from '../constants/compare';

/** Change between two rounds (issue 5, view 4), over comparable question pairs only. */
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

export const ChangePairSchema = z.object({
  from: QuestionRefSchema,
  to: QuestionRefSchema,
  note: z.string().nullable(),
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

export const ChangeMoverSchema = z.object({
  iso3: z.string(),
  name: z.string(),
  improved: z.number().int(),
  regressed: z.number().int(),
  same: z.number().int(),
  net: z.number().int().describe('Sum of level steps over the comparable pairs (C → E = +2)'),
});
export type ChangeMover = z.infer<typeof ChangeMoverSchema>;

export const ChangeResultSchema = z.object({
  from: z.object({ framework: z.string(), period: z.string() }),
  to: z.object({ framework: z.string(), period: z.string() }),
  group: PeerGroupSchema,
  pairs: z.array(ChangePairSchema).describe('Comparable pairs only'),
  notComparable: z
    .array(z.object({ from: z.string(), to: z.string(), note: z.string().nullable() }))
    .describe('Pairs of the crosswalk that are not comparable: listed, never charted'),
  movers: z.array(ChangeMoverSchema).describe('Members with an answer in both rounds, largest |net| first'),
});
export type ChangeResult = z.infer<typeof ChangeResultSchema>;
