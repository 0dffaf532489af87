import { PERIOD_SHEET_LIMITS, SHEET_COLUMNS, type SheetColumn } from '../../../shared';
import { AppError } from '../../lib/errors';
import { isCsv, readSpreadsheet } from '../../lib/spreadsheet';

/** One data row of an uploaded file: its row number (the header is row 1) and its known cells. */
export interface RawRow {
  row: number;
  cells: Partial<Record<SheetColumn, string>>;
  /** The cells an .xlsx stores as numbers: read as they are, whatever the upload's language. */
  numeric: Set<SheetColumn>;
}

const KNOWN = new Set<string>(SHEET_COLUMNS);
const header = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '_');

/**
 * Our CSV exports put an apostrophe before a cell that starts with = + - @ (or a tab or carriage
 * return) so that spreadsheets do not run it as a formula; reading such a file back drops it.
 */
const unguardCell = (cell: string) => (/^'[-=+@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * The data rows of an uploaded template (XLSX, or CSV with the same header), read within the
 * period sheet's limits. Columns are found by their header in row 1; unknown columns are ignored;
 * blank rows are skipped.
 */
export async function readSheetFile(fileName: string, data: Buffer): Promise<RawRow[]> {
  const sheet = await readSpreadsheet(fileName, data, PERIOD_SHEET_LIMITS, (names) =>
    names.includes('Values') ? 'Values' : names[0],
  );
  if (!sheet) throw new AppError(400, `file: ${fileName} has no worksheet`);
  const unguard = isCsv(fileName) ? unguardCell : (cell: string) => cell;
  const [first, ...rest] = sheet.rows;
  const heads = (first?.row === 1 ? first.cells : []).map(header);
  for (const needed of ['framework', 'indicator'] as const)
    if (!heads.includes(needed))
      throw new AppError(400, `file: no "${needed}" column in the header row of ${fileName}`, {
        issue: 'file_missing_column',
        issueParams: { column: needed },
      });
  const out: RawRow[] = [];
  for (const { row: number, cells, numeric = [] } of first?.row === 1 ? rest : sheet.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const row: RawRow = { row: number, cells: {}, numeric: new Set() };
    heads.forEach((h, c) => {
      const text = unguard(cells[c] ?? '').trim();
      if (!KNOWN.has(h) || text === '') return;
      row.cells[h as SheetColumn] = text;
      if (numeric.includes(c)) row.numeric.add(h as SheetColumn);
    });
    out.push(row);
  }
  return out;
}
