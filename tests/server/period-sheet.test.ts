import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { SHEET_COLUMNS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanTestPlan, makePlan } from './support/plans';
import { uploadForm } from './support/upload';
import { addNationalIndicator, addPeriod, as, auditRows, workflowCounts } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'admin' | 'focal' | 'validator', Session>;
const period = { p2019: 0, p2020: 0, p2022: 0, syria: 0 };
const now = () => new Date('2021-04-15T10:00:00Z');

const put = (code: string, year: string, payload: object) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/${year}`, payload);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'ps-admin@example.org', [role('admin')]);
  await makeUser(database, 'ps-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'ps-val@example.org', [role('validator', 'JOR')]);
  s.admin = await signIn(app, 'ps-admin@example.org');
  s.focal = await signIn(app, 'ps-focal@example.org');
  s.validator = await signIn(app, 'ps-val@example.org');
  // A plan of Jordan's own for the test (the shipped one has the M&E plan's ~100 rows), following 7.4 and 9.1.
  const planId = await jordanTestPlan(database);
  await addNationalIndicator(app, s.focal, planId, 'SH-PCT', 'percentage');
  await addNationalIndicator(app, s.focal, planId, 'SH-RATIO', 'ratio');
  await addNationalIndicator(app, s.focal, planId, 'SH-LVL', 'level');
  await addNationalIndicator(app, s.focal, planId, 'SH-NUM', 'number');
  period.p2019 = (await addPeriod(app, s.focal, planId, 2019, '2020-03-31')).id;
  period.p2020 = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
  period.p2022 = (await addPeriod(app, s.focal, planId, 2022, '2023-03-31')).id;
  const last = [
    put('SH-PCT', '2019', { status: 'reported', value: { type: 'percentage', percentage: 40 } }),
    put('SH-RATIO', '2019', { status: 'reported', value: { type: 'ratio', numerator: 3, denominator: 4 } }),
    put('SH-LVL', '2019', { status: 'reported', value: { type: 'level', level: 'B' } }),
    put('SH-NUM', '2020', { status: 'reported', value: { type: 'number', number: 7 } }),
  ];
  for (const res of await Promise.all(last)) expect(res.statusCode, res.body).toBe(201);
  const syr = await makePlan(database, 'SYR');
  period.syria = (await addPeriod(app, s.admin, syr.planId, 2020, '2021-03-31')).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const col = (name: (typeof SHEET_COLUMNS)[number]) => SHEET_COLUMNS.indexOf(name) + 1;

async function template(periodId = period.p2020) {
  const res = await app.inject(
    withCredential({ session: s.focal }, { url: `/api/periods/${periodId}/template.xlsx` }),
  );
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
/** The sheet row of an indicator. */
function rowOf(wb: ExcelJS.Workbook, code: string) {
  const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(col('indicator')).value === code) return ws.getRow(r);
  throw new Error(`no row for ${code}`);
}
const upload = async (
  fileName: string,
  data: Buffer,
  dryRun: boolean,
  who = s.focal,
  periodId = period.p2020,
) =>
  as(
    app,
    who,
    'POST',
    `/api/periods/${periodId}/import?dryRun=${dryRun}`,
    uploadForm({ name: fileName, data }),
  );
const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const statuses = (body: { rows: { indicator: string; status: string }[] }) =>
  Object.fromEntries(body.rows.map((r) => [r.indicator, r.status]));
const grid = async () => (await as(app, s.focal, 'GET', `/api/periods/${period.p2020}/entry`)).json();
const storedValueOf = async (code: string) =>
  (await grid()).rows.find((r: { indicator: { code: string } }) => r.indicator.code === code).value;

describe('the spreadsheet round trip of a period', () => {
  it('downloads a template: keys, the last values as a read-only reference, drop-downs, instructions', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
    expect(wb.getWorksheet('Instructions')).toBeDefined();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...SHEET_COLUMNS]);
    const pct = rowOf(wb, 'SH-PCT');
    expect([1, 2, 3, 4].map((c) => pct.getCell(c).value)).toEqual(['JOR', '2020', 'national-jor', 'SH-PCT']);
    expect(pct.getCell(col('measure_type')).value).toBe('percentage');
    expect(pct.getCell(col('last_period')).value).toBe('2019');
    expect(pct.getCell(col('last_value')).value).toBe(40);
    // The last period's value is a reference, not this period's answer: the entry columns stay empty.
    expect(pct.getCell(col('value')).value).toBeNull();
    expect(pct.getCell(col('status')).value).toBeNull();
    expect(rowOf(wb, 'SH-LVL').getCell(col('last_value')).value).toBe('B');
    expect(rowOf(wb, 'SH-LVL').getCell(col('level')).value).toBeNull();
    expect(rowOf(wb, 'SH-RATIO').getCell(col('last_value')).value).toBe('3/4');
    expect(rowOf(wb, 'SH-RATIO').getCell(col('numerator')).value).toBeNull();
    // This period's own stored value is filled in.
    expect(rowOf(wb, 'SH-NUM').getCell(col('value')).value).toBe(7);
    expect(rowOf(wb, 'SH-NUM').getCell(col('status')).value).toBe('reported');
    const level = pct.getCell(col('level')).dataValidation;
    expect(level).toMatchObject({ type: 'list', formulae: ['"A,B,C,D,E"'] });
    expect(pct.getCell(col('status')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"reported,no_data,not_applicable"'],
    });
  });

  it('an untouched template uploads as "nothing to change", the TrACSS rows included', async () => {
    const wb = await template();
    // The plan's TrACSS questions are listed as Jordan's own indicators following them.
    expect(rowOf(wb, 'tracss-2019-2020:7.4').getCell(col('framework')).value).toBe('national-jor');
    const before = await workflowCounts(database);
    const dry = await upload('values.xlsx', await xlsx(wb), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toMatchObject({ new: 0, changed: 0, error: 0 });
    expect(dry.json().rows.every((r: { status: string }) => r.status === 'unchanged')).toBe(true);
    expect(await workflowCounts(database)).toEqual(before);
  });

  it('every period lists every plan indicator, the questions it follows too; untouched, it changes nothing', async () => {
    const wb = await template(period.p2022);
    const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
    const frameworks = new Set<unknown>();
    for (let r = 2; r <= ws.rowCount; r++) frameworks.add(ws.getRow(r).getCell(col('framework')).value);
    // Jordan reports its own assessment of the TrACSS questions in any year, not only in a round's.
    expect([...frameworks]).toEqual(['national-jor']);
    expect(rowOf(wb, 'tracss-2019-2020:7.4').getCell(col('value')).value).toBeNull();
    expect(() => rowOf(wb, '7.4')).toThrow('no row for 7.4');
    // The national rows show the last values for reference and leave the entry columns empty.
    expect(rowOf(wb, 'SH-NUM').getCell(col('last_period')).value).toBe('2020');
    expect(rowOf(wb, 'SH-NUM').getCell(col('value')).value).toBeNull();
    const before = await workflowCounts(database);
    const dry = await upload('values.xlsx', await xlsx(wb), true, s.focal, period.p2022);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toMatchObject({ new: 0, changed: 0, error: 0, unchanged: 6 });
    const apply = await upload('values.xlsx', await xlsx(wb), false, s.focal, period.p2022);
    expect(apply.statusCode, apply.body).toBe(200);
    expect(await workflowCounts(database)).toEqual(before);
  });

  it('a row of a published question is ignored when blank and refused when filled in, naming the row to use', async () => {
    const header = SHEET_COLUMNS.join(',');
    const blank = 'JOR,2022,tracss-2019-2020,7.4,Old name,level,,2020,C,,,,,,,';
    const filled = 'JOR,2022,tracss-2019-2020,7.4,Old name,level,,2020,C,,,,C,reported,,';
    const ignored = await upload('v.csv', Buffer.from(`${header}\r\n${blank}`), true, s.focal, period.p2022);
    expect(ignored.statusCode, ignored.body).toBe(200);
    expect(ignored.json().rows).toMatchObject([{ indicator: '7.4', status: 'unchanged', problems: [] }]);
    const refused = await upload('v.csv', Buffer.from(`${header}\r\n${filled}`), true, s.focal, period.p2022);
    expect(refused.json().rows).toMatchObject([
      {
        indicator: '7.4',
        status: 'error',
        problems: [
          {
            column: 'framework',
            message:
              "tracss-2019-2020 7.4 is published data and read-only: enter JOR's own assessment in the row national-jor tracss-2019-2020:7.4",
          },
        ],
      },
    ]);
  });

  it('a file with several errors names each row and column, and writes nothing', async () => {
    const wb = await template();
    rowOf(wb, 'SH-PCT').getCell(col('value')).value = 140;
    rowOf(wb, 'SH-RATIO').getCell(col('denominator')).value = 0;
    rowOf(wb, 'SH-LVL').getCell(col('level')).value = 'F';
    rowOf(wb, 'SH-NUM').getCell(col('status')).value = 'no_data';
    rowOf(wb, 'SH-NUM').getCell(col('value')).value = null;
    const before = await workflowCounts(database);
    const dry = await upload('values.xlsx', await xlsx(wb), true);
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(statuses(body)).toMatchObject({
      'SH-PCT': 'error',
      'SH-RATIO': 'error',
      'SH-LVL': 'error',
      'SH-NUM': 'error',
    });
    const pctRow = rowOf(wb, 'SH-PCT').number;
    const problems = body.rows.flatMap(
      (r: { row: number; problems: { column: string; message: string }[] }) =>
        r.problems.map((p) => `row ${r.row}, ${p.column}: ${p.message}`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `row ${pctRow}, value: 140 is above 100`,
        `row ${rowOf(wb, 'SH-RATIO').number}, denominator: must not be 0`,
        `row ${rowOf(wb, 'SH-LVL').number}, level: "F" is not a level A–E`,
        `row ${rowOf(wb, 'SH-NUM').number}, reason: is required when status is no_data`,
      ]),
    );
    const apply = await upload('values.xlsx', await xlsx(wb), false);
    expect(apply.statusCode).toBe(422);
    expect(apply.json().message).toContain(`row ${pctRow}, value: 140 is above 100`);
    expect(await workflowCounts(database)).toEqual(before);
  });

  it('dry run lists new, changed and unchanged rows; applying writes them, audited', async () => {
    const wb = await template();
    rowOf(wb, 'SH-PCT').getCell(col('value')).value = 55;
    rowOf(wb, 'SH-RATIO').getCell(col('numerator')).value = 5;
    rowOf(wb, 'SH-RATIO').getCell(col('denominator')).value = 10;
    rowOf(wb, 'SH-LVL').getCell(col('level')).value = 'C';
    rowOf(wb, 'SH-NUM').getCell(col('value')).value = 8;
    rowOf(wb, 'SH-NUM').getCell(col('comment')).value = 'From the 2020 survey';
    const file = await xlsx(wb);
    const before = await workflowCounts(database);
    const dry = await upload('values.xlsx', file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false });
    expect(statuses(dry.json())).toMatchObject({
      'SH-PCT': 'new',
      'SH-RATIO': 'new',
      'SH-LVL': 'new',
      'SH-NUM': 'changed',
    });
    expect(dry.json().counts.error).toBe(0);
    expect(await workflowCounts(database)).toEqual(before);

    const apply = await upload('values.xlsx', file, false);
    expect(apply.statusCode, apply.body).toBe(200);
    expect(apply.json()).toMatchObject({ applied: true, counts: { new: 3, changed: 1, error: 0 } });
    expect(await storedValueOf('SH-PCT')).toMatchObject({ numericValue: 55, version: 1 });
    expect(await storedValueOf('SH-RATIO')).toMatchObject({
      numerator: 5,
      denominator: 10,
      numericValue: 0.5,
    });
    expect(await storedValueOf('SH-LVL')).toMatchObject({ level: 'C' });
    const num = await storedValueOf('SH-NUM');
    expect(num).toMatchObject({ numericValue: 8, version: 2, comment: 'From the 2020 survey' });
    const [stored] = await database.rows<{ id: number }>(sql`
      select id from indicator_values where country_iso3 = 'JOR' and indicator_id = ${num.indicatorId}`);
    const audit = await auditRows(database, 'value', stored?.id as number);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]?.old).toMatchObject({ numericValue: 7, version: 1 });
    expect(audit[1]?.new).toMatchObject({ numericValue: 8, version: 2, comment: 'From the 2020 survey' });
    // Uploading the same file again changes nothing.
    const again = await upload('values.xlsx', file, true);
    expect(again.json().counts).toMatchObject({ new: 0, changed: 0, error: 0 });
  });

  it('takes a CSV with the same columns', async () => {
    const csv = [
      SHEET_COLUMNS.join(','),
      'JOR,2020,national-jor,SH-PCT,"Pct, national",percentage,,,,60,,,,reported,,',
      'JOR,2020,national-jor,SH-NUM,,number,,,,,,,,no_data,"Survey postponed",',
    ].join('\r\n');
    const res = await upload('values.csv', Buffer.from(csv), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(statuses(res.json())).toEqual({ 'SH-PCT': 'changed', 'SH-NUM': 'changed' });
    expect(await storedValueOf('SH-PCT')).toMatchObject({ numericValue: 60, version: 2 });
    expect(await storedValueOf('SH-NUM')).toMatchObject({
      status: 'no_data',
      statusReason: 'Survey postponed',
    });
  });

  it('refuses an approved (locked) period and another country’s period', async () => {
    const sub = (
      await as(app, s.focal, 'POST', `/api/periods/${period.p2019}/submit`, { version: 1 })
    ).json();
    const ok = await as(app, s.validator, 'POST', `/api/periods/${period.p2019}/approve`, {
      version: sub.submission.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const wb = await template(period.p2019);
    const before = await workflowCounts(database);
    const locked = await upload('values.xlsx', await xlsx(wb), false, s.focal, period.p2019);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/^lock: JOR 2019 was approved/);
    const syria = await upload(
      'values.csv',
      Buffer.from(SHEET_COLUMNS.join(',')),
      true,
      s.focal,
      period.syria,
    );
    expect(syria.statusCode).toBe(403);
    expect(syria.json().message).toBe('country: you may not enter data for SYR');
    expect(await workflowCounts(database)).toEqual(before);
  });
});
