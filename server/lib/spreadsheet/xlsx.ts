import path from 'node:path/posix';
import type { SpreadsheetLimits } from '../../../shared';
import { AppError } from '../errors';
import { cellAddress, cellText, columnLetters, columnNumber, isNumberCell, type RawCell } from './cell';
import { parseXml, type XmlHandlers } from './xml';
import { readZipDirectory, unreadable, type ZipDirectory } from './zip';

/** A row of a sheet that has at least one value; `cells[0]` is column A, '' where there is none. */
export interface SheetRow {
  row: number;
  cells: string[];
  /** The columns (0 is A) whose cell the file stores as a number; absent for a CSV (all text). */
  numeric?: number[];
}

export interface Sheet {
  name: string;
  /** Rows with a value, in the file's order (ascending row numbers). */
  rows: SheetRow[];
}

export interface XlsxReadOptions {
  fileName: string;
  limits: SpreadsheetLimits;
  /** The worksheet to read, chosen from the names in workbook order; undefined when none fits. */
  pickSheet: (names: string[]) => string | undefined;
}

/** Relationship parts and the workbook part are small; a few MB of them is not a workbook. */
const MAX_PART_BYTES = 4 * 1024 * 1024;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Reads one worksheet of an .xlsx without inflating the rest: the zip directory is checked first
 * (zip.ts), the shared strings and the sheet are parsed as streams, and the row and column caps
 * apply while the sheet is read, so a sheet of a million rows stops at the first row past the cap.
 * Memory: the compressed file, the shared strings (≤ `sharedStringsBytes`) and the rows kept
 * (≤ `rows` × `columns` cells). Returns null when `pickSheet` finds no sheet.
 */
export async function readXlsxSheet(data: Buffer, opts: XlsxReadOptions): Promise<Sheet | null> {
  const zip = await readZipDirectory(opts.fileName, data);
  try {
    const book = await readWorkbook(zip, opts.fileName);
    const name = opts.pickSheet(book.sheets.map((s) => s.name));
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet) return null;
    if (!zip.has(sheet.part)) throw unreadable(opts.fileName);
    const shared =
      book.sharedStrings && zip.has(book.sharedStrings)
        ? await readSharedStrings(zip, book.sharedStrings, opts)
        : [];
    return { name: sheet.name, rows: await readRows(zip, sheet, shared, opts) };
  } finally {
    zip.close();
  }
}

async function readPart(zip: ZipDirectory, part: string, fileName: string, handlers: XmlHandlers) {
  const stream = await zip.open(part, MAX_PART_BYTES, part);
  await parseXml(stream, handlers, { what: part, maxBytes: MAX_PART_BYTES, fileName });
}

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (Open Packaging Conventions), targets resolved to part names. */
async function relationships(zip: ZipDirectory, source: string, fileName: string) {
  const rels = path.join(path.dirname(source), '_rels', `${path.basename(source)}.rels`);
  const found = new Map<string, Relationship>();
  if (!zip.has(rels)) return found;
  await readPart(zip, rels, fileName, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/')
        ? a.Target.slice(1)
        : path.normalize(path.join(path.dirname(source), a.Target));
      found.set(a.Id, { type: a.Type ?? '', target });
    },
  });
  return found;
}

async function readWorkbook(zip: ZipDirectory, fileName: string) {
  const root = [...(await relationships(zip, '', fileName)).values()];
  const workbook = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!zip.has(workbook)) throw unreadable(fileName);
  const rels = await relationships(zip, workbook, fileName);
  const sheets: { name: string; part: string }[] = [];
  await readPart(zip, workbook, fileName, {
    open(name, a) {
      const target = name === 'sheet' ? rels.get(a['r:id'] ?? a[`${REL}:id`] ?? '') : undefined;
      if (a.name !== undefined && target?.type.endsWith('/worksheet'))
        sheets.push({ name: a.name, part: target.target });
    },
  });
  const sharedStrings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  return { sheets, sharedStrings };
}

/** The shared string table: one string per `<si>`, its runs joined, phonetic hints left out. */
async function readSharedStrings(zip: ZipDirectory, part: string, opts: XlsxReadOptions) {
  const max = opts.limits.sharedStringsBytes;
  const what = 'the shared strings';
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await parseXml(
    await zip.open(part, max, what),
    {
      open(name) {
        if (name === 'si') current = '';
        else if (name === 't') inText = !inPhonetic;
        else if (name === 'rPh') inPhonetic = true;
      },
      text(t) {
        if (inText) current += t;
      },
      close(name) {
        if (name === 'si') strings.push(current);
        else if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
      },
    },
    { what, maxBytes: max, fileName: opts.fileName },
  );
  return strings;
}

async function readRows(
  zip: ZipDirectory,
  sheet: { name: string; part: string },
  shared: readonly string[],
  opts: XlsxReadOptions,
): Promise<SheetRow[]> {
  const { limits } = opts;
  const what = `the sheet "${sheet.name}"`;
  const rows: SheetRow[] = [];
  let row = 0;
  let column = 0;
  let cells: string[] = [];
  let numeric: number[] = [];
  let cell: RawCell | null = null;
  let into: 'value' | 'inline' | null = null;
  let inPhonetic = false;
  const keep = (text: string) => {
    if (row > limits.rows + 1) throw new AppError(400, `file: more than ${limits.rows} rows in ${what}`);
    if (column > limits.columns)
      throw new AppError(
        400,
        `file: ${cellAddress(row, column)} is beyond column ${columnLetters(limits.columns)}, the last one read`,
      );
    cells[column - 1] = text;
  };
  await parseXml(
    await zip.open(sheet.part, limits.sheetBytes, what),
    {
      open(name, a) {
        if (name === 'row') {
          // Row and cell references may be left out: then they follow the previous one.
          row = a.r ? Number(a.r) : row + 1;
          column = 0;
          cells = [];
          numeric = [];
        } else if (name === 'c') {
          column = a.r ? columnNumber(a.r.replace(/\d+$/, '')) : column + 1;
          cell = { type: a.t, value: '', inline: '' };
        } else if (name === 'v' && cell) into = 'value';
        else if (name === 't' && cell && !inPhonetic) into = 'inline';
        else if (name === 'rPh') inPhonetic = true;
      },
      text(t) {
        if (cell && into === 'value') cell.value += t;
        else if (cell && into === 'inline') cell.inline += t;
      },
      close(name) {
        if (name === 'v' || name === 't') into = null;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'c' && cell) {
          const text = cellText(cell, shared);
          if (text !== '') {
            keep(text);
            if (isNumberCell(cell)) numeric.push(column - 1);
          }
          cell = null;
        } else if (name === 'row' && cells.length > 0) {
          // Counted as well as numbered: a file may repeat one row number a million times.
          if (rows.length > limits.rows)
            throw new AppError(400, `file: more than ${limits.rows} rows in ${what}`);
          rows.push({ row, cells: Array.from(cells, (c) => c ?? ''), numeric });
        }
      },
    },
    { what, maxBytes: limits.sheetBytes, fileName: opts.fileName },
  );
  return rows;
}
