/**
 * Limits of the spreadsheet uploads, defined once (zod-free, so the upload forms can check a file's
 * size without loading the schemas): the routes cap the upload, the reader checks
 * the zip directory against them before inflating anything and counts rows while it reads, and the
 * client refuses a file that is too big before sending it.
 *
 * An .xlsx is a zip: a file of 1 MB can declare a sheet of gigabytes (a zip bomb). So besides the
 * size of the upload, each limit caps what the file may expand to and how much of it is kept.
 */
export interface SpreadsheetLimits {
  /** The uploaded file (compressed .xlsx or .csv). */
  fileBytes: number;
  /** Data rows read below one header row; a value further down is refused while reading. */
  rows: number;
  /** Highest column number read; a value to its right is refused. */
  columns: number;
  /** What the worksheet's XML may expand to; checked in the zip directory, then counted. */
  sheetBytes: number;
  /** What the shared strings (kept in memory while the sheet is read) may expand to. */
  sharedStringsBytes: number;
}

const MiB = 1024 * 1024;

/**
 * A period's template filled in: one row per plan indicator (a few hundred at most) and the 16
 * template columns. 2 MiB of .xlsx is far more than such a sheet needs.
 */
export const PERIOD_SHEET_LIMITS = {
  fileBytes: 2 * MiB,
  rows: 1000,
  columns: 50,
  sheetBytes: 16 * MiB,
  sharedStringsBytes: 16 * MiB,
} as const satisfies SpreadsheetLimits;

/**
 * A TrACSS round's portal spreadsheet: one row per country, one column per question. The 2019–2020
 * file is 117 kB, its sheet 1.1 MB of XML with 137 rows and 116 columns.
 */
export const ROUND_WORKBOOK_LIMITS = {
  fileBytes: 20 * MiB,
  rows: 2000,
  columns: 1000,
  sheetBytes: 64 * MiB,
  sharedStringsBytes: 32 * MiB,
} as const satisfies SpreadsheetLimits;

/** "2 MB" for messages (binary megabytes, as the limits are written). */
export const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;
