import { z } from 'zod';
import { LevelWordingSchema } from '../domain/level';
import { FrameworkCodeSchema } from './frameworks';

/**
 * Further TrACSS rounds (issue 5): a round is a framework of kind `tracss` with its own questions
 * and one period; a per-round column mapping tells the importer how the portal laid out that
 * round's spreadsheet; the crosswalk says which questions of two rounds ask the same thing.
 */

const HeaderTextSchema = z.string().trim().min(1).max(2000);
const QuestionCodeSchema = z.string().trim().min(1).max(32);

export const ImportMappingSchema = z.object({
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
  ignoreColumns: z
    .array(HeaderTextSchema)
    .max(100)
    .default([])
    .describe('Further headers to skip (WHO region, income group and ISO3 columns are always skipped)'),
  columns: z
    .record(HeaderTextSchema, QuestionCodeSchema)
    .default({})
    .describe('Header → question code; headers not listed are matched to the questions by their wording'),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const RoundQuestionSchema = z.object({
  code: QuestionCodeSchema.describe('Unique in the round, e.g. 3.2'),
  questionCode: QuestionCodeSchema.optional(),
  name: z.string().trim().min(1).max(300),
  definition: z.string().trim().max(5000).optional(),
  section: z.string().trim().max(200).optional(),
  measureType: z.enum(['level', 'yes_no', 'text']),
  levels: LevelWordingSchema.optional(),
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

export const CrosswalkPairSchema = z.object({
  from: QuestionCodeSchema.describe('Question code in the earlier round'),
  to: QuestionCodeSchema.describe('Question code in the later round'),
  comparable: z.boolean().describe('False: the questions look alike but their levels differ'),
  note: z.string().trim().max(1000).optional(),
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
  pairs: z.array(CrosswalkPairSchema.extend({ note: z.string().nullable() })),
});
export type Crosswalk = z.infer<typeof CrosswalkSchema>;

/** 20 MiB: the importer refuses bigger files (base64 makes the request about 4/3 of that). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

export const ImportRoundBodySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The .xlsx file, base64-encoded. */
  data: z
    .string()
    .max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  period: PeriodCodeSchema.optional().describe("The round's period; its only period by default"),
  dryRun: z.boolean().default(true),
  force: z.boolean().default(false),
});
export type ImportRoundBody = z.input<typeof ImportRoundBodySchema>;

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
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
