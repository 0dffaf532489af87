import { z } from 'zod';
import { CHOICE_MEASURE_TYPES, DIRECTIONS, NATIONAL_MEASURE_TYPES, SECTORS } from '../constants/indicator';
import { LevelWordingSchema } from './level';

/** A country's own kinds of measure, then the choice questions that come from frameworks. */
export const MEASURE_TYPES = [...NATIONAL_MEASURE_TYPES, ...CHOICE_MEASURE_TYPES] as const;
export const MeasureTypeSchema = z
  .enum(MEASURE_TYPES)
  .describe(
    'number, count (a whole number ≥ 0), percentage (0–100), ratio (numerator ≥ 0 / denominator > 0), yes/no, ' +
      'ordinal level A–E, text milestone (at most 500 characters), ' +
      'one of a list of options (single_choice), any of them (multiple_choice)',
  );
export type MeasureType = z.infer<typeof MeasureTypeSchema>;

export { CHOICE_MEASURE_TYPES, isChoiceMeasure } from '../constants/indicator';

/** One option of a single- or multiple-choice indicator: a code stable within the indicator, and its wording. */
export const ChoiceOptionSchema = z.object({
  code: z.string().describe('Unique within the indicator, e.g. "1"; what a value stores'),
  label: z.string().describe('The option as the source words it'),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

export { DIRECTIONS, type Direction, SECTORS, type Sector } from '../constants/indicator';
export const DirectionSchema = z.enum(DIRECTIONS);

export const RESULT_LEVELS = ['input', 'process', 'output', 'outcome', 'impact'] as const;
export const ResultLevelSchema = z.enum(RESULT_LEVELS);

export const SectorSchema = z.enum(SECTORS);

/** Global Action Plan on AMR (2015) strategic objectives. */
export const GAP_OBJECTIVES = {
  1: 'Improve awareness and understanding of AMR',
  2: 'Strengthen knowledge through surveillance and research',
  3: 'Reduce the incidence of infection (IPC, sanitation, hygiene)',
  4: 'Optimise the use of antimicrobial medicines',
  5: 'Sustainable investment, including research and development',
} as const;
export const GapObjectiveSchema = z.number().int().min(1).max(5);

export const FRAMEWORK_KINDS = ['tracss', 'national'] as const;

export const FrameworkSchema = z.object({
  code: z.string().describe('Stable identifier, e.g. tracss-2019-2020'),
  name: z.string(),
  kind: z.enum(FRAMEWORK_KINDS),
  description: z.string().nullable(),
  source: z.string().nullable().describe('Where the framework comes from'),
  indicatorCount: z.number().int(),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const IndicatorSchema = z.object({
  id: z.number().int(),
  frameworkCode: z.string(),
  code: z.string().describe('Unique within its framework, e.g. 4.1 or 4.2-1 for the first sub-item of 4.2'),
  questionCode: z
    .string()
    .nullable()
    .describe('Code as printed in the source (several sub-items may share it)'),
  sortOrder: z.number().int(),
  name: z.string(),
  subItem: z.string().nullable(),
  definition: z.string().nullable(),
  section: z.string().nullable(),
  measureType: MeasureTypeSchema,
  unit: z.string().nullable(),
  numeratorLabel: z.string().nullable().describe('For ratio indicators: what the numerator counts'),
  denominatorLabel: z.string().nullable().describe('For ratio indicators: what the denominator counts'),
  direction: DirectionSchema,
  levels: LevelWordingSchema.nullable().describe('Wording of each level, for measureType = level'),
  options: z
    .array(ChoiceOptionSchema)
    .nullable()
    .default(null)
    .describe('The options, in order, for measureType = single_choice or multiple_choice'),
  gapObjective: GapObjectiveSchema.nullable(),
  sectors: z.array(SectorSchema),
  resultLevel: ResultLevelSchema.nullable(),
  dataSource: z.string().nullable(),
  frequency: z.string().nullable(),
  calculation: z.string().nullable().describe('How the value is expressed, as its source words it'),
  collectionMethod: z.string().nullable().describe('How the data are collected'),
  followsIndicatorId: z
    .number()
    .int()
    .nullable()
    .describe(
      "A national indicator through which the country reports on another framework's question (e.g. a " +
        'TrACSS question): the id of that question. Its values are national data, never the published answer',
    ),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The question a national indicator follows (e.g. TrACSS 2019–2020 question 7.4), as pages name it. */
export const FollowedQuestionSchema = z
  .object({
    id: z.number().int(),
    frameworkCode: z.string(),
    frameworkName: z.string(),
    code: z.string(),
  })
  .describe(
    'The question this national indicator reports on (e.g. TrACSS 2019–2020 question 7.4): the country ' +
      'records its own assessment here, kept apart from the published answer',
  );
export type FollowedQuestion = z.infer<typeof FollowedQuestionSchema>;
