import type ExcelJS from 'exceljs';
import { MAX_SHEET_ROWS, SHEET_COLUMNS, type SheetColumn } from '../../../shared';
import { AppError } from '../../lib/errors';
import { loadExcel } from '../../lib/excel';

/** One data row of an uploaded file: its row number (the header is row 1) and its known cells. */
export interface RawRow {
  row: number;
  cells: Partial<Record<SheetColumn, string>>;
}

const KNOWN = new Set<string>(SHEET_COLUMNS);
const header = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '_');

/**
 * Our CSV exports put an apostrophe before a cell that starts with = + - @ (or a tab or carriage
 * return) so that spreadsheets do not run it as a formula; reading such a file back drops it.
 */
const unguardCell = (cell: string) => (/^'[-=+@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** RFC 4180 CSV: quoted fields, "" inside quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return cell.text;
}

async function xlsxRows(fileName: string, data: Buffer): Promise<string[][]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, `file: ${fileName} is not a readable .xlsx workbook`);
  }
  const sheet = workbook.getWorksheet('Values') ?? workbook.worksheets[0];
  if (!sheet) throw new AppError(400, `file: ${fileName} has no worksheet`);
  if (sheet.rowCount > MAX_SHEET_ROWS + 1)
    throw new AppError(400, `file: more than ${MAX_SHEET_ROWS} rows (${sheet.rowCount - 1})`);
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, 50);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1))));
  }
  return rows;
}

/**
 * The data rows of an uploaded template (XLSX, or CSV with the same header). Columns are found by
 * their header; unknown columns are ignored; fully blank rows are skipped.
 */
export async function readSheetFile(fileName: string, data: Buffer): Promise<RawRow[]> {
  const table = /\.csv$/i.test(fileName)
    ? parseCsv(data.toString('utf8')).map((r) => r.map(unguardCell))
    : await xlsxRows(fileName, data);
  if (table.length > MAX_SHEET_ROWS + 1)
    throw new AppError(400, `file: more than ${MAX_SHEET_ROWS} rows (${table.length - 1})`);
  const heads = (table[0] ?? []).map(header);
  for (const needed of ['framework', 'indicator'] as const)
    if (!heads.includes(needed))
      throw new AppError(400, `file: no "${needed}" column in the header row of ${fileName}`);
  const out: RawRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: RawRow = { row: i + 2, cells: {} };
    heads.forEach((h, c) => {
      const text = (cells[c] ?? '').trim();
      if (KNOWN.has(h) && text !== '') row.cells[h as SheetColumn] = text;
    });
    out.push(row);
  });
  return out;
}
