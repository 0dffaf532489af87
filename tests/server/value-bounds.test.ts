import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import type { Plan } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { validateAdx } from './support/adx';
import { makeUser, role, type Session, signIn } from './support/auth';
import { jordanTestPlan } from './support/plans';
import { openPdf, pageTexts } from './support/reports-pdf';
import { uploadForm } from './support/upload';
import { addNationalIndicator, addPeriod, as, workflowCounts } from './support/workflow';

/*
 * Natural bounds of values by measure type, text milestones end to end (entry, plan, exports, report),
 * and uploads whose numbers are written as the upload's language writes them.
 */

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'focal' | 'validator', Session>;
let planId = 0;
const period = { p2019: 0, p2020: 0 };
const now = () => new Date('2021-04-15T10:00:00Z');
const MILESTONE = 'Surveillance decree signed by the minister';

const put = (code: string, year: string, payload: object) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/${year}`, payload);
const reported = (value: object) => ({ status: 'reported', value });

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'vb-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'vb-val@example.org', [role('validator', 'JOR')]);
  s.focal = await signIn(app, 'vb-focal@example.org');
  s.validator = await signIn(app, 'vb-val@example.org');
  planId = await jordanTestPlan(database);
  for (const [code, type] of [
    ['VB-CNT', 'count'],
    ['VB-PCT', 'percentage'],
    ['VB-RAT', 'ratio'],
    ['VB-NUM', 'number'],
  ] as const)
    await addNationalIndicator(app, s.focal, planId, code, type);
  period.p2019 = (await addPeriod(app, s.focal, planId, 2019, '2020-03-31')).id;
  period.p2020 = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('natural bounds of values', () => {
  it('refuses a negative or fractional count with 400 naming the field, writing nothing', async () => {
    const before = await workflowCounts(database);
    const negative = await put('VB-CNT', '2020', reported({ type: 'count', count: -3 }));
    expect(negative.statusCode, negative.body).toBe(400);
    expect(negative.json().message).toBe('body.value.count: must not be negative');
    const fraction = await put('VB-CNT', '2020', reported({ type: 'count', count: 2.5 }));
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().message).toBe('body.value.count: must be a whole number');
    expect(await workflowCounts(database)).toEqual(before);
    const ok = await put('VB-CNT', '2020', reported({ type: 'count', count: 12 }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ numericValue: 12, status: 'reported' });
  });

  it('refuses a percentage above 100 and a negative ratio, naming the field', async () => {
    const pct = await put('VB-PCT', '2020', reported({ type: 'percentage', percentage: 101 }));
    expect(pct.statusCode).toBe(400);
    expect(pct.json().message).toBe('body.value.percentage: must be between 0 and 100');
    const numerator = await put('VB-RAT', '2020', reported({ type: 'ratio', numerator: -1, denominator: 4 }));
    expect(numerator.statusCode).toBe(400);
    expect(numerator.json().message).toBe('body.value.numerator: must not be negative');
    const denominator = await put(
      'VB-RAT',
      '2020',
      reported({ type: 'ratio', numerator: 1, denominator: -4 }),
    );
    expect(denominator.json().message).toBe('body.value.denominator: must not be negative');
    // A plain number keeps its sign (a change can be negative).
    expect((await put('VB-NUM', '2020', reported({ type: 'number', number: -2.5 }))).statusCode).toBe(201);
  });

  it('holds baselines and targets to the same bounds', async () => {
    const plan = (await as(app, s.focal, 'GET', `/api/plans/${planId}`)).json() as Plan;
    const count = plan.indicators.find((i) => i.indicator.code === 'VB-CNT') as Plan['indicators'][number];
    const res = await as(app, s.focal, 'PUT', `/api/plans/${planId}/indicators/${count.id}/targets`, {
      targets: [{ year: 2022, value: -1 }],
      version: count.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('targets.0.value: a count is a whole number, 0 or more');
  });
});

describe('a text milestone', () => {
  it('is a national indicator whose target is worded, not a number', async () => {
    const numeric = await as(app, s.focal, 'POST', `/api/plans/${planId}/indicators`, {
      indicator: { kind: 'national', code: 'VB-TXT', name: 'AMR surveillance decree', measureType: 'text' },
      direction: 'maintain',
      targets: [{ year: 2022, value: 1 }],
    });
    expect(numeric.statusCode).toBe(400);
    expect(numeric.json().message).toMatch(
      /^targets\.0: indicator VB-TXT is a text milestone: no numeric target/,
    );
    const res = await as(app, s.focal, 'POST', `/api/plans/${planId}/indicators`, {
      indicator: { kind: 'national', code: 'VB-TXT', name: 'AMR surveillance decree', measureType: 'text' },
      direction: 'maintain',
      targetText: 'Decree in force by 2022',
    });
    expect(res.statusCode, res.body).toBe(201);
    const pi = (res.json() as Plan).indicators.find((i) => i.indicator.code === 'VB-TXT');
    expect(pi).toMatchObject({ indicator: { measureType: 'text' }, targetText: 'Decree in force by 2022' });
  });

  it('is saved and read back as its text, at most 500 characters', async () => {
    const long = await put('VB-TXT', '2019', reported({ type: 'text', text: 'x'.repeat(501) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toBe('body.value.text: must be at most 500 characters');
    const saved = await put('VB-TXT', '2019', reported({ type: 'text', text: `  ${MILESTONE} ` }));
    expect(saved.statusCode, saved.body).toBe(201);
    const read = await as(
      app,
      s.focal,
      'GET',
      '/api/values?country=JOR&framework=national-jor&indicator=VB-TXT',
    );
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().items).toEqual([
      expect.objectContaining({ periodCode: '2019', textValue: MILESTONE, numericValue: null }),
    ]);
    const plan = (await as(app, s.focal, 'GET', `/api/plans/${planId}`)).json() as Plan;
    const pi = plan.indicators.find((i) => i.indicator.code === 'VB-TXT');
    expect(pi?.progress.latest).toMatchObject({ text: MILESTONE, periodCode: '2019', value: null });
    // A number's latest value carries no text.
    expect(plan.indicators.find((i) => i.indicator.code === 'VB-CNT')?.progress.latest?.text).toBeNull();
  });

  it('is in the CSV and JSON exports; ADX, which carries numbers, leaves it out and says so', async () => {
    const count = await put('VB-CNT', '2019', reported({ type: 'count', count: 7 }));
    expect(count.statusCode, count.body).toBe(201);
    const sub = await as(app, s.focal, 'POST', `/api/periods/${period.p2019}/submit`, { version: 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    const ok = await as(app, s.validator, 'POST', `/api/periods/${period.p2019}/approve`, {
      version: sub.json().submission.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const json = await app.inject({
      url: `/api/exports/values?format=json&plan=${planId}&from=2019&to=2019`,
    });
    expect(json.statusCode, json.body).toBe(200);
    const rows = json.json() as { indicator: string; value: unknown; measure_type: string }[];
    expect(rows.find((r) => r.indicator === 'VB-TXT')).toMatchObject({
      value: MILESTONE,
      measure_type: 'text',
    });
    expect(rows.find((r) => r.indicator === 'VB-CNT')).toMatchObject({ value: 7, measure_type: 'count' });
    const csv = await app.inject({ url: `/api/exports/values?plan=${planId}&from=2019&to=2019` });
    expect(csv.body).toContain(MILESTONE);

    const adx = await app.inject({ url: '/api/exports/adx?country=JOR&framework=national-jor' });
    expect(adx.statusCode, adx.body).toBe(200);
    expect((await validateAdx(adx.body)).errors).toEqual([]);
    expect(adx.body).toContain('dataElement="national-jor:VB-CNT" value="7"');
    expect(adx.body).not.toContain('VB-TXT');
    expect(adx.headers['x-adx-skipped']).toContain('text values (not numeric) (1)');
  });

  it('prints its text, with its year, in the country report', async () => {
    const res = await app.inject({ url: `/api/reports/country/JOR?plan=${planId}&lang=en` });
    expect(res.statusCode, res.body).toBe(200);
    const text = (await pageTexts(await openPdf(res.rawPayload))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`${MILESTONE} (2019)`);
    expect(text).toContain('VB-TXT AMR surveillance decree');
  });
});

describe('numbers in an uploaded spreadsheet', () => {
  const upload = (name: string, data: Buffer, query: string) =>
    as(app, s.focal, 'POST', `/api/periods/${period.p2020}/import?${query}`, uploadForm({ name, data }));
  const csv = (rows: string[][]) =>
    Buffer.from(
      [
        'framework,indicator,value,numerator,denominator',
        ...rows.map((r) => r.map((c) => `"${c}"`).join(',')),
      ].join('\n'),
    );
  const problems = (body: {
    rows: { indicator: string; problems: { column: string; message: string }[] }[];
  }) => body.rows.flatMap((r) => r.problems.map((p) => `${r.indicator} ${p.column}: ${p.message}`));

  it('reads "45,5" as 45.5 when the upload says it is French, and applies it', async () => {
    const file = csv([
      ['national-jor', 'VB-PCT', '45,5', '', ''],
      ['national-jor', 'VB-CNT', '1 234', '', ''],
      ['national-jor', 'VB-RAT', '', '3,5', '7'],
    ]);
    const dry = await upload('values.csv', file, 'dryRun=true&locale=fr');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(problems(dry.json())).toEqual([]);
    expect(dry.json().counts).toMatchObject({ error: 0 });
    const applied = await upload('values.csv', file, 'dryRun=false&locale=fr');
    expect(applied.statusCode, applied.body).toBe(200);
    const read = await as(app, s.focal, 'GET', '/api/values?country=JOR&framework=national-jor&period=2020');
    const byCode = Object.fromEntries(
      (read.json().items as { indicatorCode: string; numericValue: number }[]).map((v) => [
        v.indicatorCode,
        v.numericValue,
      ]),
    );
    expect(byCode).toMatchObject({ 'VB-PCT': 45.5, 'VB-CNT': 1234, 'VB-RAT': 0.5 });
  });

  it('says why a number does not read in the upload’s language, naming the column', async () => {
    const english = await upload(
      'values.csv',
      csv([['national-jor', 'VB-PCT', '45,5', '', '']]),
      'dryRun=true',
    );
    expect(problems(english.json())).toEqual([
      'VB-PCT value: "45,5": in English the decimal separator is "." (45.5)',
    ]);
    const french = await upload(
      'values.csv',
      csv([
        ['national-jor', 'VB-PCT', '1.234', '', ''],
        ['national-jor', 'VB-CNT', '-3', '', ''],
        ['national-jor', 'VB-RAT', '', '1,2,3', '0'],
      ]),
      'dryRun=true&locale=fr',
    );
    expect(problems(french.json())).toEqual([
      'VB-PCT value: "1.234" is ambiguous: write 1234 for the whole number, or 1,234',
      'VB-CNT value: -3 is below 0',
      'VB-RAT numerator: "1,2,3" has more than one decimal separator',
      'VB-RAT denominator: must not be 0',
    ]);
    const bad = await upload('values.csv', csv([]), 'dryRun=true&locale=xx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^query\.locale: /);
  });

  it('reads cells the workbook stores as numbers as they are, text cells in the upload’s language', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    ws.addRow(['framework', 'indicator', 'value']);
    ws.addRow(['national-jor', 'VB-PCT', 62.25]);
    ws.addRow(['national-jor', 'VB-NUM', '٤٥٫٥']);
    ws.addRow(['national-jor', 'VB-CNT', 1234]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload('values.xlsx', data, 'dryRun=false&locale=fr');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(problems(dry.json())).toEqual([]);
    const read = await as(app, s.focal, 'GET', '/api/values?country=JOR&framework=national-jor&period=2020');
    const values = (read.json().items as { indicatorCode: string; numericValue: number }[]).map((v) => [
      v.indicatorCode,
      v.numericValue,
    ]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['VB-PCT', 62.25],
        ['VB-NUM', 45.5],
        ['VB-CNT', 1234],
      ]),
    );
  });
});
