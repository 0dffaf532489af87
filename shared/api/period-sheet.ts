import { z } from 'zod';

/**
 * The spreadsheet round trip of a reporting period (issue 4): a template with one row per plan
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
  'value',
  'numerator',
  'denominator',
  'level',
  'status',
  'reason',
  'comment',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** 2 MiB: a period has at most a few hundred indicators; a bigger file is not a template. */
export const MAX_SHEET_FILE_BYTES = 2 * 1024 * 1024;
/** Data rows read from an uploaded file; more is refused before any check. */
export const MAX_SHEET_ROWS = 1000;

export const PeriodImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (default): check and list the rows, write nothing'),
});

export const PeriodImportBodySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/\.(xlsx|csv)$/i, 'must end in .xlsx or .csv'),
  /** The file, base64-encoded. */
  data: z
    .string()
    .min(1, 'is required')
    .max(Math.ceil((MAX_SHEET_FILE_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type PeriodImportBody = z.infer<typeof PeriodImportBodySchema>;

export const SheetRowStatusSchema = z.enum(['new', 'changed', 'unchanged', 'error']);
export type SheetRowStatus = z.infer<typeof SheetRowStatusSchema>;

export const SheetProblemSchema = z.object({
  column: z.string().describe('The column the problem is in (or "row")'),
  message: z.string(),
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
