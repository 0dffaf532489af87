import { z } from 'zod';
import { VALUE_STATUSES } from '../constants/value';
import { LevelSchema } from './level';
import { ProvenanceSchema } from './provenance';

export * from '../constants/value';

export const PeriodSchema = z.object({
  code: z.string().describe('e.g. 2019-2020 for a TrACSS round, 2024 for a year'),
  label: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const ValueStatusSchema = z.enum(VALUE_STATUSES);

export const IndicatorValueSchema = z.object({
  countryIso3: z.string(),
  indicatorId: z.number().int(),
  indicatorCode: z.string(),
  frameworkCode: z.string(),
  periodCode: z.string(),
  status: ValueStatusSchema,
  level: LevelSchema.nullable().describe('For level indicators'),
  numericValue: z
    .number()
    .nullable()
    .describe('For number and percentage; numerator / denominator for ratio; 1/0 for yes/no'),
  numerator: z.number().nullable().describe('For ratio indicators'),
  denominator: z.number().nullable().describe('For ratio indicators'),
  textValue: z
    .string()
    .nullable()
    .describe(
      'The answer as given (yes/no, text milestones, level wording, the option chosen); for a multiple ' +
        'choice answered in one column per option, the chosen options’ wording joined by "; "',
    ),
  choices: z
    .array(z.string())
    .nullable()
    .default(null)
    .describe(
      "For single and multiple choice: the codes of the options chosen (the indicator's `options`), " +
        'in their order; an empty list when none was chosen',
    ),
  source: ProvenanceSchema,
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/**
 * A published dataset's answer of a country to a question (e.g. its TrACSS answer), shown beside the
 * country's own national reporting on that question, each labelled with its source.
 */
export const PublishedAnswerSchema = z.object({
  indicatorId: z.number().int(),
  frameworkCode: z.string(),
  frameworkName: z.string().describe('e.g. TrACSS 2019–2020'),
  indicatorCode: z.string(),
  periodCode: z.string(),
  periodLabel: z.string(),
  status: ValueStatusSchema,
  level: LevelSchema.nullable(),
  numericValue: z.number().nullable(),
  textValue: z.string().nullable(),
  source: z.literal('published'),
});
export type PublishedAnswer = z.infer<typeof PublishedAnswerSchema>;
