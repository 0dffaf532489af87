import { megabytes, type SpreadsheetLimits } from '../../../shared';
import { AppError } from '../errors';
import { parseCsv } from './csv';
import { readXlsxSheet, type Sheet } from './xlsx';

export { cellAddress, columnLetters } from './cell';
export { parseCsv, parseCsvRecords } from './csv';
export type { Sheet, SheetRow } from './xlsx';
export { readXlsxSheet } from './xlsx';

export const isCsv = (fileName: string) => /\.csv$/i.test(fileName);

/**
 * An uploaded table, .csv or .xlsx by its name, within `limits`: rows with at least one value,
 * numbered as in the file (a CSV's records from 1). For an .xlsx, `pickSheet` chooses the sheet.
 */
export async function readSpreadsheet(
  fileName: string,
  data: Buffer,
  limits: SpreadsheetLimits,
  pickSheet: (names: string[]) => string | undefined,
): Promise<Sheet | null> {
  if (data.byteLength > limits.fileBytes)
    throw new AppError(413, `file: ${fileName} is larger than ${megabytes(limits.fileBytes)}`, {
      issue: 'file_too_large',
      issueParams: { max: megabytes(limits.fileBytes) },
    });
  if (!isCsv(fileName)) return readXlsxSheet(data, { fileName, limits, pickSheet });
  // One record past the cap is read, so that a file with too many rows is told so.
  const records = parseCsv(data.toString('utf8'), { maxRecords: limits.rows + 2, fileName });
  if (records.length > limits.rows + 1)
    throw new AppError(400, `file: more than ${limits.rows} rows`, {
      issue: 'file_too_many_rows',
      issueParams: { max: limits.rows },
    });
  return {
    name: fileName,
    rows: records.flatMap((cells, i) => (cells.some((c) => c !== '') ? [{ row: i + 1, cells }] : [])),
  };
}
