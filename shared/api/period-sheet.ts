import { z } from 'zod';
import { megabytes, PERIOD_SHEET_LIMITS } from '../constants/uploads';
import { LOCALES } from '../i18n/locale';
import { VALUE_COLUMNS } from './exports';

/**
 * The spreadsheet round trip of a reporting period: a template with one row per plan
 * indicator, filled in and uploaded as XLSX or CSV, checked in a dry run, then applied whole.
 */

/** Columns of the template and of an uploaded file, in order (CSV files use the same header). */
export const SHEET_COLUMNS = [
  'country',
  'plan_period',
  'framework',
  'indicator',
  'indicator_name',
  'measure_type',
  'unit',
  'last_period',
  'last_value',
  ...VALUE_COLUMNS,
  'comment',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export const PeriodImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (default): check and list the rows, write nothing'),
  locale: z
    .enum(LOCALES)
    .default('en')
    .describe(
      'The language the file writes its numbers in, for cells holding text: "45,5" is 45.5 in fr or es, ' +
        '1,234.5 is 1234.5 in en; Arabic-Indic digits are read in any. Cells an .xlsx stores as numbers ' +
        'are read as they are. The app sends its interface language; default en',
    ),
});

/** An uploaded file of a spreadsheet import: named .xlsx or .csv, within the size limit. */
export const spreadsheetFile = (maxBytes: number, extensions: RegExp, what: string) =>
  z
    .file()
    .max(maxBytes, `must be at most ${megabytes(maxBytes)}`)
    .refine((f) => f.name.length <= 255, {
      message: 'the file name must be at most 255 characters',
      params: { code: 'too_long', max: 255 },
    })
    .refine((f) => extensions.test(f.name), {
      message: `must be ${what}`,
      params: { code: 'file_unreadable', expected: what },
    });

/** The upload (multipart/form-data): the filled template as the form's `file`. */
export const PeriodImportFormSchema = z.object({
  file: spreadsheetFile(PERIOD_SHEET_LIMITS.fileBytes, /\.(xlsx|csv)$/i, 'an .xlsx or .csv file').describe(
    `The filled template: .xlsx, or .csv with the same header; at most ${megabytes(PERIOD_SHEET_LIMITS.fileBytes)} and ${PERIOD_SHEET_LIMITS.rows} rows`,
  ),
});
export type PeriodImportForm = z.infer<typeof PeriodImportFormSchema>;

export const SheetRowStatusSchema = z.enum(['new', 'changed', 'unchanged', 'error']);
export type SheetRowStatus = z.infer<typeof SheetRowStatusSchema>;

export const SheetProblemSchema = z.object({
  column: z.string().describe('The column the problem is in (or "row")'),
  message: z.string().describe('What is wrong, in English'),
  code: z.string().optional().describe('Stable code of the problem (as in error issues), to translate'),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe("The code's parameters"),
});

export const SheetRowResultSchema = z.object({
  row: z.number().int().describe('Row number in the file (the header is row 1)'),
  framework: z.string(),
  indicator: z.string(),
  status: SheetRowStatusSchema,
  problems: z.array(SheetProblemSchema),
});
export type SheetRowResult = z.infer<typeof SheetRowResultSchema>;

export const PeriodImportResultSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe('True when the values were written'),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
  rows: z.array(SheetRowResultSchema),
});
export type PeriodImportResult = z.infer<typeof PeriodImportResultSchema>;
