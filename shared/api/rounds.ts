import { z } from 'zod';
import { COMPARABILITIES } from '../constants/compare';
import { megabytes, ROUND_WORKBOOK_LIMITS } from '../constants/uploads';
import { LevelWordingSchema } from '../domain/level';
import { FrameworkCodeSchema } from './frameworks';
import { spreadsheetFile } from './period-sheet';

/**
 * Further TrACSS rounds: a round is a framework of kind `tracss` with its own questions
 * and one period; a per-round column mapping tells the importer how the portal laid out that
 * round's spreadsheet; the crosswalk says which questions of two rounds ask the same thing.
 */

const HeaderTextSchema = z.string().trim().min(1).max(2000);
const QuestionCodeSchema = z.string().trim().min(1).max(32);

export const IMPORT_LAYOUTS = ['header-text', 'question-code'] as const;

export const ImportMappingSchema = z.object({
  layout: z
    .enum(IMPORT_LAYOUTS)
    .default('header-text')
    .describe(
      'header-text (default): each column is matched to a question by its whole header (the 2019–2020 ' +
        'portal spreadsheet). question-code: by the question code a header starts with ("2.1_Multi…" → 2.1, ' +
        '"4.5_a…" → 4.5.a); columns without a code are placed after the coded column above them (a ' +
        "sub-question's column, a multiple choice's option columns), matched by their header there",
    ),
  sheet: z.string().trim().min(1).max(100).optional().describe('Worksheet name; the first sheet by default'),
  headerRow: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('Row of the column headers; by default the first of the first 20 rows with the country column'),
  countryColumn: HeaderTextSchema.optional().describe(
    'Header of the country column, e.g. "Member State"; by default "Country" or "Country name"',
  ),
  iso3Column: HeaderTextSchema.optional().describe(
    'Header of a column of ISO3 codes, used instead of the country name where filled; by default "ISO3" when the file has it',
  ),
  ignoreColumns: z
    .array(HeaderTextSchema)
    .max(100)
    .default([])
    .describe(
      'Further headers to skip on purpose (WHO region, income group and ISO3 columns are read, not skipped); ' +
        'the import lists them as ignored',
    ),
  columns: z
    .record(HeaderTextSchema, QuestionCodeSchema)
    .default({})
    .describe('Header → question code; headers not listed are matched to the questions by their wording'),
  regionColumn: HeaderTextSchema.optional().describe(
    'Header of the column with the WHO region the round gives each country; by default "WHO Region" or "WHO_Region"',
  ),
  incomeColumn: HeaderTextSchema.optional().describe(
    'Header of the column with its World Bank income group; by default "World Bank classification" or "World_Bank_Income_Category"',
  ),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const RoundQuestionSchema = z.object({
  code: QuestionCodeSchema.describe('Unique in the round, e.g. 3.2'),
  questionCode: QuestionCodeSchema.optional(),
  name: z.string().trim().min(1).max(300),
  definition: z.string().trim().max(5000).optional(),
  section: z.string().trim().max(200).optional(),
  measureType: z.enum(['level', 'yes_no', 'text', 'number', 'single_choice', 'multiple_choice']),
  levels: LevelWordingSchema.optional(),
  options: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(32),
        label: z.string().trim().min(1).max(1000),
        sourceColumn: HeaderTextSchema.optional().describe(
          'A multiple choice answered in one column per option: that column’s header',
        ),
      }),
    )
    .min(1)
    .max(100)
    .optional()
    .describe('The options of a single- or multiple-choice question, in order'),
  sourceColumn: HeaderTextSchema.optional().describe("The spreadsheet column's header for this question"),
});
export type RoundQuestion = z.infer<typeof RoundQuestionSchema>;

export const PeriodCodeSchema = z.string().trim().min(1).max(32);

export const CreateRoundBodySchema = z.object({
  code: FrameworkCodeSchema.describe('e.g. tracss-2021-2022'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  period: z.object({
    code: PeriodCodeSchema,
    label: z.string().trim().min(1).max(200),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
  }),
  questions: z.array(RoundQuestionSchema).min(1).max(500),
  mapping: ImportMappingSchema.optional(),
});
export type CreateRoundBody = z.input<typeof CreateRoundBodySchema>;

export const RoundSchema = z.object({
  code: z.string(),
  name: z.string(),
  periods: z.array(z.string()),
  questions: z.number().int(),
  mapping: ImportMappingSchema.nullable(),
});
export type Round = z.infer<typeof RoundSchema>;
export const RoundListSchema = z.object({ items: z.array(RoundSchema) });
export const RoundParamsSchema = z.object({ code: FrameworkCodeSchema });

export const ComparabilitySchema = z
  .enum(COMPARABILITIES)
  .describe(
    'comparable: same question, same level wording; caution: same question, reworded levels (the note names ' +
      'what changed); not_comparable: redefined — listed with its reason, never compared',
  );

export const CrosswalkPairSchema = z.object({
  from: QuestionCodeSchema.describe('Question code in the earlier round'),
  to: QuestionCodeSchema.nullable()
    .default(null)
    .describe(
      'Question code in the later round; null: the question has no counterpart there (not comparable)',
    ),
  comparability: ComparabilitySchema,
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .describe('What changed, level by level where it matters; required unless comparable'),
});
export type CrosswalkPair = z.infer<typeof CrosswalkPairSchema>;

export const CrosswalkQuerySchema = z.object({ from: FrameworkCodeSchema, to: FrameworkCodeSchema });
export const PutCrosswalkBodySchema = z.object({
  from: FrameworkCodeSchema,
  to: FrameworkCodeSchema,
  pairs: z.array(CrosswalkPairSchema).max(1000),
});
export type PutCrosswalkBody = z.input<typeof PutCrosswalkBodySchema>;
export const CrosswalkSchema = z.object({
  from: z.string(),
  to: z.string(),
  pairs: z.array(
    z.object({
      from: z.string(),
      to: z.string().nullable(),
      comparability: ComparabilitySchema,
      note: z.string().nullable(),
    }),
  ),
});
export type Crosswalk = z.infer<typeof CrosswalkSchema>;

/** A form field that says yes or no ("true" / "false"), as HTML forms send it. */
const formFlag = (byDefault: boolean) =>
  z
    .enum(['true', 'false'])
    .default(byDefault ? 'true' : 'false')
    .transform((v) => v === 'true');

/** The upload (multipart/form-data): the portal's .xlsx or .csv as `file`, options as form fields. */
export const ImportRoundFormSchema = z.object({
  file: spreadsheetFile(ROUND_WORKBOOK_LIMITS.fileBytes, /\.(xlsx|csv)$/i, 'an .xlsx or .csv file').describe(
    `The round's country responses as the portal exports them (.xlsx, or .csv in UTF-8), at most ${megabytes(ROUND_WORKBOOK_LIMITS.fileBytes)}`,
  ),
  period: PeriodCodeSchema.optional().describe("The round's period; its only period by default"),
  dryRun: formFlag(true).describe('true (default): check the file and report, write nothing'),
  force: formFlag(false).describe('true: import even if this exact file was imported before'),
});
export type ImportRoundForm = z.input<typeof ImportRoundFormSchema>;

export const UnplacedColumnSchema = z.object({
  column: z.string().describe('Column letters, e.g. "AB"'),
  header: z.string(),
  reason: z.enum(['ignored', 'heading']).describe('ignored: on purpose; heading: no question and no answers'),
});
export type UnplacedColumn = z.infer<typeof UnplacedColumnSchema>;

export const ImportResultSchema = z.object({
  frameworkCode: z.string(),
  periodCode: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  dryRun: z.boolean(),
  alreadyImported: z.boolean(),
  countries: z.number().int(),
  values: z.number().int(),
  missingColumns: z.array(z.string()).describe('Questions of the round without a column in the file'),
  unplacedColumns: z
    .array(UnplacedColumnSchema)
    .describe(
      'Columns of the file that hold no question, and why: ignored on purpose (the mapping or a column the ' +
        'importer never reads) or a heading without answers. A column with answers that matches no question ' +
        'is not listed here: it is a problem (422) and nothing is imported',
    ),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
