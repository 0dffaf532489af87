import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, readSpreadsheet, readXlsxSheet } from '../../server/lib/spreadsheet';
import { PERIOD_SHEET_LIMITS, type SpreadsheetLimits } from '../../shared';

const limits: SpreadsheetLimits = { ...PERIOD_SHEET_LIMITS, rows: 10, columns: 5 };
const first = (names: string[]) => names[0];

async function xlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('CSV (csv-parse)', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, mixed line ends and a byte order mark', () => {
    const text = '\uFEFFa,b\r\n"c, d","say ""hi"""\n"two\nlines",5" screen\rlast';
    expect(parseCsv(text)).toEqual([['a', 'b'], ['c, d', 'say "hi"'], ['two\nlines', '5" screen'], ['last']]);
  });

  it('names the file and the line of an unclosed quote', () => {
    expect(() => parseCsv('a,"b\n1,2', { fileName: 'v.csv' })).toThrow(
      /^file: v\.csv: Quote Not Closed.*line 2/,
    );
  });

  it('stops at the row cap', async () => {
    const csv = Buffer.from('h\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n');
    await expect(readSpreadsheet('v.csv', csv, limits, first)).rejects.toThrow('file: more than 10 rows');
  });
});

describe('XLSX (zip directory + streamed sheet)', () => {
  it('reads what a cell stores: shared and rich strings, numbers (marked so), formula results, booleans', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Notes').addRow(['not this one']);
      const ws = wb.addWorksheet('Values');
      ws.addRow(['text', 1.5, 0.001, true, false]);
      ws.addRow([
        { richText: [{ text: 'ri' }, { text: 'ch' }] },
        { formula: '1+1', result: 2 },
        null,
        ' pad ',
      ]);
      ws.getCell('B5').value = 'far down';
    });
    const sheet = await readXlsxSheet(data, {
      fileName: 'v.xlsx',
      limits,
      pickSheet: (names) => names.find((n) => n === 'Values'),
    });
    expect(sheet).toEqual({
      name: 'Values',
      rows: [
        // Which cells the file stores as numbers: those are read alike in every upload language.
        { row: 1, cells: ['text', '1.5', '0.001', 'yes', 'no'], numeric: [1, 2] },
        { row: 2, cells: ['rich', '2', '', ' pad '], numeric: [1] },
        { row: 5, cells: ['', 'far down'], numeric: [] },
      ],
    });
  });

  it('refuses a value beyond the last column read, naming its cell', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('S').getCell('F2').value = 'x';
    });
    await expect(readXlsxSheet(data, { fileName: 'v.xlsx', limits, pickSheet: first })).rejects.toThrow(
      'file: F2 is beyond column E, the last one read',
    );
  });

  it('returns null when no sheet fits, and refuses what is not a workbook', async () => {
    const data = await xlsx((wb) => wb.addWorksheet('S'));
    expect(await readXlsxSheet(data, { fileName: 'v.xlsx', limits, pickSheet: () => undefined })).toBeNull();
    await expect(
      readXlsxSheet(Buffer.from('not a zip'), { fileName: 'v.xlsx', limits, pickSheet: first }),
    ).rejects.toThrow('file: v.xlsx is not a readable .xlsx workbook');
  });
});
