import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxSheet } from '../../server/lib/spreadsheet';
import { type CellValue, rowsXml, workbookChunks, xmlText } from '../../server/lib/spreadsheet/xlsx-writer';
import { readZipDirectory } from '../../server/lib/spreadsheet/zip';
import { ZipWriter } from '../../server/lib/spreadsheet/zip-writer';
import { PERIOD_SHEET_LIMITS } from '../../shared';

async function collect(chunks: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

const TRICKY = 'Quotes " and \' <tag> & amp; \u0001\u0008\u001f\uffff gone, tab\tkept, CR LF\r\nkept';
const ROWS: CellValue[][] = [
  [TRICKY, 1e20, true],
  ['  مرحبا بالعالم — leading and trailing spaces  ', -12.25, false],
  [null, 2 ** 53 + 2, ''],
  ['0.1', Number.POSITIVE_INFINITY, 0.1],
];

describe('ZIP writer', () => {
  it('writes entries any unzip reads back byte for byte, empty and multi-chunk ones included', async () => {
    const big = Buffer.alloc(300_000, 'abc');
    const zip = new ZipWriter(6, new Date('2021-04-15T10:00:00Z'));
    const file = await collect(
      (async function* () {
        yield* zip.entry('a.txt', ['hello, ', new Uint8Array([0xc3, 0xa9]), ' world']);
        yield* zip.entry('empty.txt', []);
        yield* zip.entry('dir/big.bin', [big.subarray(0, 100_000), big.subarray(100_000)]);
        yield* zip.end();
      })(),
    );
    const dir = await readZipDirectory('t.zip', file);
    expect(await text(await dir.open('a.txt', 1000, 'a'))).toBe('hello, é world');
    expect(await text(await dir.open('empty.txt', 1000, 'e'))).toBe('');
    expect(
      Buffer.from(await (await dir.open('dir/big.bin', 1e6, 'b')).toArray().then(Buffer.concat)).equals(big),
    );
    dir.close();
    // Info-ZIP's unzip checks every CRC-32 and size against the data descriptors.
    const folder = mkdtempSync(path.join(tmpdir(), 'zipw-'));
    try {
      writeFileSync(path.join(folder, 't.zip'), file);
      expect(execFileSync('unzip', ['-t', path.join(folder, 't.zip')]).toString()).toMatch(
        /No errors detected/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('fails the archive when an entry’s source fails', async () => {
    const zip = new ZipWriter();
    const failing = (async function* () {
      yield 'some bytes';
      throw new Error('source broke');
    })();
    await expect(collect(zip.entry('x', failing))).rejects.toThrow(/source broke/);
  });
});

describe('XLSX writer', () => {
  it('escapes text as XML, leaving out what XML 1.0 does not allow', () => {
    expect(xmlText('a < b & c > d\r\n\u0002')).toBe('a &lt; b &amp; c &gt; d&#13;&#10;');
  });

  it('writes a workbook exceljs and our reader open with the same values, types, widths and frozen header', async () => {
    const file = await collect(
      workbookChunks(
        [
          {
            name: 'Values & more',
            frozenHeader: true,
            columns: [
              { header: 'text', width: 40 },
              { header: 'number', width: 14 },
              { header: 'flag', width: 10 },
            ],
            rows: rowsXml(ROWS),
          },
          {
            name: 'Second',
            columns: [{ header: 'only', width: 12 }],
            rows: ['<row r="2"><c r="A2"><v>7</v></c></row>'],
          },
        ],
        { creator: 'NAP Tracker', created: new Date('2021-04-15T10:00:00Z') },
      ),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Values & more', 'Second']);
    expect(wb.creator).toBe('NAP Tracker');
    const ws = wb.getWorksheet('Values & more') as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(40);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['text', 'number', 'flag']);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the writer leaves out.
    const gone = TRICKY.replace(/[\u0001\u0008\u001f\uffff]/g, '');
    expect(ws.getCell('A2').value).toBe(gone);
    expect(ws.getCell('B2').value).toBe(1e20);
    expect(ws.getCell('C2').value).toBe(true);
    expect(ws.getCell('A3').value).toBe(ROWS[1]?.[0]);
    expect(ws.getCell('B3').value).toBe(-12.25);
    expect(ws.getCell('A4').value).toBe(null);
    expect(ws.getCell('B4').value).toBe(2 ** 53 + 2);
    expect(ws.getCell('C4').value).toBe(null);
    expect(ws.getCell('A5').value).toBe('0.1');
    expect(ws.getCell('B5').value).toBe('Infinity');
    expect(ws.getCell('C5').value).toBe(0.1);
    expect((wb.getWorksheet('Second') as ExcelJS.Worksheet).getCell('A2').value).toBe(7);

    const sheet = await readXlsxSheet(file, {
      fileName: 'w.xlsx',
      limits: PERIOD_SHEET_LIMITS,
      pickSheet: (names) => names[0],
    });
    expect(sheet?.rows.map((r) => r.cells)).toEqual([
      ['text', 'number', 'flag'],
      [gone, '100000000000000000000', 'yes'],
      [ROWS[1]?.[0], '-12.25', 'no'],
      ['', String(2 ** 53 + 2)],
      ['0.1', 'Infinity', '0.1'],
    ]);
    expect(sheet?.rows[1]?.numeric).toEqual([1]);
  });
});
