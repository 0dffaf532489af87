import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { parseCsv, readXlsxSheet } from '../../server/lib/spreadsheet';
import { EXPORT_COLUMNS, PERIOD_SHEET_LIMITS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanPlanId } from './support/plans';
import { addNationalIndicator, addPeriod, as } from './support/workflow';

let database: Database;
let app: FastifyInstance;
let focal: Session;
let planId = 0;
const TRICKY = 'Quotes " and \' <b> & ok\nnew line\r\nCR LF\ttab \u0001\u0002 مرحبا — end';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now: () => new Date('2021-04-15T10:00:00Z') });
  await app.ready();
  await makeUser(database, 'xl-focal@example.org', [role('focal_point', 'JOR')]);
  focal = await signIn(app, 'xl-focal@example.org');
  planId = await jordanPlanId(database);
  for (const [code, type] of [
    ['XL-TXT', 'text'],
    ['XL-NUM', 'number'],
    ['XL-YN', 'yes_no'],
  ] as const)
    await addNationalIndicator(app, focal, planId, code, type);
  await addPeriod(app, focal, planId, 2020, '2021-03-31');
  const put = (code: string, payload: object) =>
    as(app, focal, 'PUT', `/api/values/JOR/national-jor/${code}/2020`, payload);
  for (const res of [
    await put('XL-TXT', { status: 'reported', value: { type: 'text', text: TRICKY } }),
    await put('XL-NUM', { status: 'reported', value: { type: 'number', number: 123456789012345.6 } }),
    await put('XL-YN', { status: 'no_data', reason: 'Survey <delayed> & “postponed” — تأخر' }),
  ])
    expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A cell of the CSV as the XLSX should hold it: controls XML cannot carry left out. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 does not allow.
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

describe('XLSX export written by Postgres', () => {
  it('holds the CSV export’s rows and values, numbers as numbers, read by exceljs and by our reader', async () => {
    const url = `/api/exports/values?plan=${planId}&status=all`;
    const get = (format: string) =>
      app.inject(withCredential({ session: focal }, { url: `${url}&format=${format}` }));
    const [csvRes, xlsxRes] = [await get('csv'), await get('xlsx')];
    expect(xlsxRes.statusCode, xlsxRes.body).toBe(200);
    const [head, ...csv] = parseCsv(csvRes.body).filter((r) => r.length > 1);
    expect(head).toEqual([...EXPORT_COLUMNS]);
    const file = xlsxRes.rawPayload;
    const ours = await readXlsxSheet(file, {
      fileName: 'x.xlsx',
      limits: PERIOD_SHEET_LIMITS,
      pickSheet: (names) => names.find((n) => n === 'Values'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ours?.rows.length).toBe(csv.length + 1);
    expect(ws.rowCount).toBe(csv.length + 1);
    const numberColumns = new Set(['plan_id', 'year', 'numerator', 'denominator']);
    csv.forEach((record, r) => {
      const row = ws.getRow(r + 2);
      const cells = ours?.rows[r + 1]?.cells ?? [];
      EXPORT_COLUMNS.forEach((column, c) => {
        // The CSV guards text a spreadsheet would run as a formula with a leading apostrophe.
        const want = xmlSafe((record[c] ?? '').replace(/^'(?=[=+\-@\t\r])/, ''));
        const got = row.getCell(c + 1).value;
        if (typeof got === 'number') expect(got, `${column} row ${r + 2}`).toBe(Number(want));
        else expect(got ?? '', `${column} row ${r + 2}`).toBe(want);
        if (numberColumns.has(column) && want !== '') expect(typeof got).toBe('number');
        const mine = cells[c] ?? '';
        expect(typeof got === 'number' ? Number(mine) : mine).toBe(typeof got === 'number' ? got : want);
      });
    });
    const col = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]) + 1;
    const find = (code: string) =>
      ws.getRows(2, ws.rowCount - 1)?.find((r) => r.getCell(col('indicator')).value === code);
    expect(find('XL-TXT')?.getCell(col('value')).value).toBe(xmlSafe(TRICKY));
    expect(find('XL-NUM')?.getCell(col('value')).value).toBe(123456789012345.6);
    expect(find('XL-YN')?.getCell(col('reason')).value).toBe('Survey <delayed> & “postponed” — تأخر');
    const indicators = wb.getWorksheet('Indicators') as ExcelJS.Worksheet;
    const listed = new Set(indicators.getColumn(2).values.slice(2));
    expect(listed).toEqual(new Set(csv.map((r) => r[col('indicator') - 1])));
  });
});
