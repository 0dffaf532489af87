import { z } from 'zod';
import { LevelSchema } from '../domain/level';
import { ValueStatusSchema } from '../domain/value';
import { ChangeKindSchema, ComparedComparabilitySchema } from './change';

/**
 * A country's trend over the TrACSS rounds: for each pair of questions the crosswalk
 * compares (comparable, or caution — marked with what changed), the country's published answer in
 * each round. Published rounds only; the country must be readable by the caller.
 */

const TrendAnswerSchema = z.object({
  framework: z.string().describe('The round, e.g. tracss-2019-2020'),
  frameworkName: z.string().describe('e.g. TrACSS 2019–2020'),
  period: z.string(),
  code: z.string().describe("The question's code in that round"),
  name: z.string(),
  status: ValueStatusSchema.nullable().describe(
    'Null: the country did not answer the question in that round',
  ),
  level: LevelSchema.nullable(),
  source: z.literal('published'),
});
export type TrendAnswer = z.infer<typeof TrendAnswerSchema>;

export const TrendItemSchema = z.object({
  comparability: ComparedComparabilitySchema,
  note: z.string().nullable().describe('What changed between the rounds (always given for caution)'),
  from: TrendAnswerSchema.describe('The earlier round'),
  to: TrendAnswerSchema.describe('The later round'),
  change: ChangeKindSchema.describe('no_answer when the country has no level in one of the rounds'),
});
export type TrendItem = z.infer<typeof TrendItemSchema>;

export const CountryTrendSchema = z.object({
  iso3: z.string(),
  rounds: z
    .array(
      z.object({
        framework: z.string(),
        name: z.string(),
        period: z.string(),
        answered: z.boolean().describe('The country has at least one answer in this round'),
      }),
    )
    .describe('The published rounds the crosswalk links, earliest first'),
  items: z.array(TrendItemSchema).describe("Compared pairs, in the earlier round's question order"),
});
export type CountryTrend = z.infer<typeof CountryTrendSchema>;
