import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { parseCsv } from '../../server/lib/spreadsheet';
import { countryBatches } from '../../server/modules/exports/batches';
import { EXPORT_COLUMNS, ExportRowSchema } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { followTracssQuestions, jordanPlanId } from './support/plans';
import { uploadForm } from './support/upload';
import { addNationalIndicator, addPeriod, as, workflowCounts } from './support/workflow';

let database: Database;
let app: FastifyInstance;
let closed: FastifyInstance;
const s = {} as Record<'admin' | 'focal' | 'validator' | 'focalLbn', Session>;
let planId = 0;
let p2020 = 0;
let p2019 = 0;
const now = () => new Date('2021-04-15T10:00:00Z');

const put = (code: string, year: string, payload: object) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/${year}`, payload);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  closed = await buildApp({ database, now, publicRead: false });
  await Promise.all([app.ready(), closed.ready()]);
  await makeUser(database, 'ex-admin@example.org', [role('admin')]);
  await makeUser(database, 'ex-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'ex-val@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'ex-lbn@example.org', [role('focal_point', 'LBN')]);
  s.admin = await signIn(app, 'ex-admin@example.org');
  s.focal = await signIn(app, 'ex-focal@example.org');
  s.validator = await signIn(app, 'ex-val@example.org');
  s.focalLbn = await signIn(app, 'ex-lbn@example.org');
  planId = await jordanPlanId(database);
  // The plan follows two TrACSS questions (Jordan's shipped plan follows none): a target set by the
  // country, and one flagged illustrative, as made-up data is.
  await followTracssQuestions(database, planId, [
    { code: '7.4', target: 'D' },
    { code: '9.1', target: 'D', illustrative: true },
  ]);
  for (const [code, type] of [
    ['EX-PCT', 'percentage'],
    ['EX-RATIO', 'ratio'],
    ['EX-LVL', 'level'],
    ['EX-NUM', 'number'],
    ['EX-YN', 'yes_no'],
  ] as const)
    await addNationalIndicator(app, s.focal, planId, code, type);
  p2019 = (await addPeriod(app, s.focal, planId, 2019, '2020-03-31')).id;
  p2020 = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
  const writes = [
    put('EX-PCT', '2019', { status: 'reported', value: { type: 'percentage', percentage: 35 } }),
    put('EX-PCT', '2020', { status: 'reported', value: { type: 'percentage', percentage: 40.5 } }),
    put('EX-RATIO', '2020', { status: 'reported', value: { type: 'ratio', numerator: 3, denominator: 4 } }),
    put('EX-LVL', '2020', { status: 'reported', value: { type: 'level', level: 'B' } }),
    put('EX-NUM', '2020', { status: 'reported', value: { type: 'number', number: -12.25 } }),
    // A reason a spreadsheet would run as a formula: guarded in the CSV, read back unchanged.
    put('EX-YN', '2020', { status: 'no_data', reason: '=HYPERLINK("http://x.example","survey, delayed")' }),
  ];
  for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(201);
  // 2019 goes through the workflow: submitted by the focal point, approved by the validator.
  const sub = await as(app, s.focal, 'POST', `/api/periods/${p2019}/submit`, { version: 1 });
  expect(sub.statusCode, sub.body).toBe(200);
  const ok = await as(app, s.validator, 'POST', `/api/periods/${p2019}/approve`, {
    version: sub.json().submission.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await closed?.close();
  await database?.close();
});

const get = (url: string, who?: Session, on = app) =>
  on.inject(who ? withCredential({ session: who }, { url }) : { url });

function csvRecords(text: string) {
  const [head, ...rows] = parseCsv(text).filter((r) => r.length > 1);
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

describe('CSV export', () => {
  it('has the tidy header, one row per value, drafts marked, and guards formula-looking cells', async () => {
    const res = await get(`/api/exports/values?countries=JOR&plan=${planId}&status=all`, s.focal);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="nap-JOR-plan\d+-2021-04-15\.csv"/,
    );
    expect(res.headers['x-export-drafts']).toBe('all');
    expect(res.body.split('\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    const rows = csvRecords(res.body);
    const nat = rows.filter((r) => r.framework === 'national-jor');
    expect(nat.map((r) => `${r.indicator}/${r.period}`).sort()).toEqual(
      ['EX-LVL/2020', 'EX-NUM/2020', 'EX-PCT/2019', 'EX-PCT/2020', 'EX-RATIO/2020', 'EX-YN/2020'].sort(),
    );
    const by = (code: string, period = '2020') =>
      nat.find((r) => r.indicator === code && r.period === period) as Record<string, string>;
    expect(by('EX-PCT')).toMatchObject({
      value: '40.5',
      status: 'reported',
      workflow: 'draft',
      plan_period: '2020',
    });
    expect(by('EX-PCT', '2019')).toMatchObject({ value: '35', workflow: 'approved', plan_period: '2019' });
    expect(by('EX-RATIO')).toMatchObject({ value: '0.75', numerator: '3', denominator: '4' });
    expect(by('EX-LVL')).toMatchObject({ value: 'B', level: 'B' });
    // A negative number stays a number; the formula-looking reason gets an apostrophe.
    expect(by('EX-NUM').value).toBe('-12.25');
    expect(by('EX-YN')).toMatchObject({ value: '', status: 'no_data' });
    expect(by('EX-YN').reason).toBe(`'=HYPERLINK("http://x.example","survey, delayed")`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x.example"",""survey, delayed"")"`);
    for (const r of rows) expect(r.country).toBe('JOR');
    for (const r of nat)
      expect(r.source).toBe(r.workflow === 'approved' ? 'national_approved' : 'national_draft');
    expect(by('EX-PCT')).toMatchObject({ target: '', progress: '', target_source: '', progress_source: '' });
    // A plan's export is the plan's own data: the TrACSS round's answers are not in it …
    expect(rows.filter((r) => r.framework === 'tracss-2019-2020')).toEqual([]);
    // … they are in the round's export, published, with the plan's target in force (and where it comes
    // from: the country's closed plan, or a flagged illustrative target) and the status the shared
    // rules give: a status on an illustrative target is illustrative, on the country's own, national.
    const round = csvRecords(
      (await get('/api/exports/values?countries=JOR&framework=tracss-2019-2020', s.focal)).body,
    );
    const tracked = round.filter((r) => r.plan_id === String(planId));
    expect(tracked.map((r) => r.indicator).sort()).toEqual(['7.4', '9.1']);
    for (const r of round) expect(r).toMatchObject({ source: 'published', workflow: 'published' });
    for (const r of tracked) {
      const source = r.indicator === '9.1' ? 'illustrative' : 'national_approved';
      expect(r).toMatchObject({ period: '2019-2020', target_source: source, progress_source: source });
      expect(r.target).toMatch(/^[A-E]$/);
      expect(['achieved', 'on_track', 'at_risk', 'off_track', 'no_data']).toContain(r.progress);
    }
    // The same status as the plan page shows (its latest value is this round's published answer).
    const plan = (await get(`/api/plans/${planId}`, s.focal)).json() as {
      indicators: {
        indicator: { follows: { frameworkCode: string; code: string } | null };
        progress: { status: string };
      }[];
    };
    for (const r of tracked) {
      const shown = plan.indicators.find(
        (i) =>
          i.indicator.follows?.frameworkCode === r.framework && i.indicator.follows?.code === r.indicator,
      );
      expect(shown?.progress.status, r.indicator).toBe(r.progress);
    }
  });

  it('starts with a byte order mark only when asked', async () => {
    const plain = await get('/api/exports/values?countries=JOR&framework=tracss-2019-2020');
    const bom = await get('/api/exports/values?countries=JOR&framework=tracss-2019-2020&bom=true');
    expect([...plain.rawPayload.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...bom.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.rawPayload.subarray(3).toString('utf8')).toBe(plain.body);
  });

  it('gives the TrACSS round answers of several countries, equal to the database', async () => {
    const res = await get('/api/exports/values?countries=JOR,LBN&framework=tracss-2019-2020');
    expect(res.statusCode, res.body).toBe(200);
    const rows = csvRecords(res.body);
    const db = await database.rows<{
      country_iso3: string;
      code: string;
      status: string;
      level: string | null;
    }>(sql`
      select v.country_iso3, i.code, v.status, v.level from indicator_values v
      join indicators i on i.id = v.indicator_id
      where i.framework_code = 'tracss-2019-2020' and v.country_iso3 in ('JOR','LBN')`);
    expect(db.length).toBeGreaterThan(20);
    expect(rows).toHaveLength(db.length);
    for (const d of db) {
      const r = rows.find((x) => x.country === d.country_iso3 && x.indicator === d.code);
      expect(r, `${d.country_iso3} ${d.code}`).toBeDefined();
      expect(r?.status).toBe(d.status);
      expect(r?.level).toBe(d.level ?? '');
    }
    expect(new Set(rows.map((r) => r.country_name))).toEqual(new Set(['Jordan', 'Lebanon']));
  });
});

describe('the whole database', () => {
  it('is read in batches of countries on PGlite: consecutive, bounded, none without a value', async () => {
    const countries = (
      await database.rows<{ iso3: string }>(sql`select iso3 from countries order by iso3`)
    ).map((r) => r.iso3);
    const scope = {
      countries,
      draftCountries: new Set<string>(),
      plan: null,
      frameworkCode: null,
      from: null,
      to: null,
    };
    const held = new Map(
      (
        await database.rows<{ c: string; n: number }>(
          sql`select country_iso3 as c, count(*)::int as n from indicator_values group by 1`,
        )
      ).map((r) => [r.c, Number(r.n)]),
    );
    const batches = await countryBatches(database, scope, 400);
    if (database.kind === 'postgres') {
      // One COPY streams from the server, whatever its size.
      expect(batches).toEqual([countries]);
      return;
    }
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.flat()).toEqual(countries.filter((c) => held.has(c)));
    for (const b of batches) {
      const n = b.reduce((a, c) => a + (held.get(c) ?? 0), 0);
      if (b.length > 1) expect(n, b.join(',')).toBeLessThanOrEqual(400);
    }
  });

  it('exports every public value once, under one header, in country order', async () => {
    const res = await get('/api/exports/values');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const lines = res.body.split('\n').filter((l) => l.startsWith('country,'));
    expect(lines).toEqual([EXPORT_COLUMNS.join(',')]);
    const rows = csvRecords(res.body);
    const [visible] = await database.rows<{ n: number }>(sql`
      select count(*)::int as n from indicator_values v join value_provenance vp on vp.value_id = v.id
      where vp.workflow in ('approved', 'published')`);
    expect(visible?.n).toBeGreaterThan(20_000);
    expect(rows).toHaveLength(Number(visible?.n));
    const order = rows.map((r) => r.country ?? '');
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBeGreaterThan(150);
  });
});

describe('round trip', () => {
  it('a plan’s CSV export for a year imports back into that period with every row unchanged', async () => {
    const before = await workflowCounts(database);
    const res = await get(`/api/exports/values?plan=${planId}&from=2020&to=2020&status=all`, s.focal);
    expect(res.statusCode, res.body).toBe(200);
    const rows = csvRecords(res.body);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const dry = await as(
      app,
      s.focal,
      'POST',
      `/api/periods/${p2020}/import?dryRun=true`,
      uploadForm({ name: 'export.csv', data: Buffer.from(res.body) }),
    );
    expect(dry.statusCode, dry.body).toBe(200);
    const result = dry.json();
    expect(result.rows).toHaveLength(rows.length);
    expect(result.rows.filter((r: { status: string }) => r.status === 'error')).toEqual([]);
    expect(result.counts).toEqual({ new: 0, changed: 0, unchanged: rows.length, error: 0 });
    expect(await workflowCounts(database)).toEqual(before);
  });
});

describe('XLSX export', () => {
  it('streams a workbook whose Values sheet equals the database, with About, Indicators and Plan sheets', async () => {
    const res = await get(`/api/exports/values?format=xlsx&plan=${planId}&status=all`, s.focal);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'About',
      'Values',
      'Indicators',
      'Plan',
      'Budget by year',
      'M&E plan',
    ]);
    const about = wb.getWorksheet('About') as ExcelJS.Worksheet;
    const aboutText = about.getSheetValues().flat().join(' ');
    expect(aboutText).toContain(`${planId}: `);
    expect(aboutText).toContain('Drafts included for');
    const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual([...EXPORT_COLUMNS]);
    const col = (name: string) => head.indexOf(name) + 1;
    const db = await database.rows<{
      code: string;
      period: string;
      numeric_value: number | null;
      level: string | null;
      status: string;
    }>(sql`
      select i.code, p.code as period, v.numeric_value, v.level, v.status from indicator_values v
      join indicators i on i.id = v.indicator_id join periods p on p.id = v.period_id
      where v.country_iso3 = 'JOR' and v.indicator_id in (select indicator_id from plan_indicators where plan_id = ${planId})`);
    expect(ws.rowCount - 1).toBe(db.length);
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const d = db.find(
        (x) =>
          x.code === row.getCell(col('indicator')).value && x.period === row.getCell(col('period')).value,
      );
      expect(d).toBeDefined();
      expect(row.getCell(col('status')).value).toBe(d?.status);
      const value = row.getCell(col('value')).value;
      if (d?.level) expect(value).toBe(d.level);
      else if (
        d?.status === 'reported' &&
        d.numeric_value !== null &&
        row.getCell(col('measure_type')).value !== 'yes_no'
      )
        expect(value).toBe(d.numeric_value);
    }
    const plan = wb.getWorksheet('Plan') as ExcelJS.Worksheet;
    expect(plan.rowCount).toBeGreaterThan(5);
    // Jordan's plan: objectives with the published rates and their source, interventions, activities.
    const planHead = (plan.getRow(1).values as unknown[]).slice(1);
    const cell = (r: number, name: string) => plan.getRow(r).getCell(planHead.indexOf(name) + 1).value;
    expect(cell(2, 'objective')).toBe('1');
    expect(cell(2, 'published_rate')).toBe(47);
    expect(String(cell(2, 'published_rate_source'))).toMatch(/BMC Public Health 2025;25:2718/);
    const statuses = new Set<unknown>();
    for (let r = 2; r <= plan.rowCount; r++)
      if (cell(r, 'activity')) statuses.add(cell(r, 'implementation_status'));
    expect([...statuses]).toEqual(['not_reported']);
    const budget = wb.getWorksheet('Budget by year') as ExcelJS.Worksheet;
    expect(budget.rowCount).toBe(1 + 5 * 5);
    expect((budget.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['1', 1, 158_150]);
    expect(String(budget.getRow(2).getCell(5).value)).toMatch(/ch\. 5/);
    const me = wb.getWorksheet('M&E plan') as ExcelJS.Worksheet;
    const [measured] = await database.rows<{ n: number }>(sql`
      select count(*)::int as n from plan_indicators where plan_id = ${planId} and planning_element is not null`);
    expect(measured?.n).toBeGreaterThan(90);
    expect(me.rowCount - 1).toBe(measured?.n);
    const meHead = (me.getRow(1).values as unknown[]).slice(1);
    expect(meHead).toContain('target_as_written');
  });
});

describe('JSON export', () => {
  it('is an array of rows valid against ExportRowSchema; NDJSON the same rows one per line', async () => {
    const res = await get(`/api/exports/values?format=json&plan=${planId}&status=all`, s.focal);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json() as unknown[];
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) ExportRowSchema.parse(r);
    const nd = await get(`/api/exports/values?format=ndjson&plan=${planId}&status=all`, s.focal);
    expect(nd.headers['content-type']).toMatch(/x-ndjson/);
    const lines = nd.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(rows);
    const pct = rows.find((r) => {
      const x = r as { indicator: string; period: string };
      return x.indicator === 'EX-PCT' && x.period === '2020';
    });
    expect(pct).toMatchObject({
      value: 40.5,
      measure_type: 'percentage',
      workflow: 'draft',
      plan_id: planId,
    });
  });
});

describe('NDJSON written by Postgres', () => {
  it('equals the JSON export row for row, with text that JSON must escape and every kind of value', async () => {
    await addNationalIndicator(app, s.focal, planId, 'EX-TXT', 'text');
    await addNationalIndicator(app, s.focal, planId, 'EX-YES', 'yes_no');
    const tricky = 'Quotes " and \\ backslash,\nnew line\ttab \u0001\u0002 مرحبا — ok';
    for (const res of [
      await put('EX-TXT', '2020', { status: 'reported', value: { type: 'text', text: tricky } }),
      await put('EX-YES', '2020', { status: 'reported', value: { type: 'yes_no', answer: true } }),
    ])
      expect(res.statusCode, res.body).toBe(201);
    const json = (await get(`/api/exports/values?format=json&plan=${planId}&status=all`, s.focal)).json() as {
      indicator: string;
      value: unknown;
    }[];
    const nd = await get(`/api/exports/values?format=ndjson&plan=${planId}&status=all`, s.focal);
    const lines = nd.body.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(json);
    expect(json.find((r) => r.indicator === 'EX-TXT')?.value).toBe(tricky);
    expect(json.find((r) => r.indicator === 'EX-YES')?.value).toBe('yes');
    // Compact, like JSON.stringify: the file is the same bytes whichever way it was written.
    expect(lines[0]).toBe(JSON.stringify(json[0]));
  });
});

describe('permissions and filters', () => {
  it('leaves drafts out for callers who may not read them, and for status=approved', async () => {
    for (const [who, status] of [
      [undefined, 'all'],
      [s.focalLbn, 'all'],
      [s.focal, 'approved'],
    ] as const) {
      const res = await get(`/api/exports/values?format=json&countries=JOR&status=${status}`, who);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-export-drafts']).toBe('none');
      const rows = res.json() as { indicator: string; period: string; workflow: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.workflow === 'approved' || r.workflow === 'published')).toBe(true);
      expect(rows.some((r) => r.indicator === 'EX-PCT' && r.period === '2019')).toBe(true);
      expect(rows.some((r) => r.period === '2020' && r.indicator.startsWith('EX-'))).toBe(false);
    }
  });

  it('follows PUBLIC_READ=false: anonymous 401, another country’s focal point 403, own country 200', async () => {
    expect((await get('/api/exports/values?countries=JOR', undefined, closed)).statusCode).toBe(401);
    const other = await get('/api/exports/values?countries=JOR', s.focalLbn, closed);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/^country: .*JOR/);
    const own = await get('/api/exports/values?format=json&status=all', s.focalLbn, closed);
    expect(own.statusCode).toBe(200);
    expect(new Set((own.json() as { country: string }[]).map((r) => r.country))).toEqual(new Set(['LBN']));
    expect((await get(`/api/exports/values?plan=${planId}`, s.focalLbn, closed)).statusCode).toBe(404);
  });

  it('takes a peer group as the comparison views do: its members add to countries', async () => {
    const res = await get(
      '/api/exports/values?format=json&framework=tracss-2019-2020&groupType=countries&group=LBN,SYR&countries=JOR',
    );
    expect(res.statusCode, res.body).toBe(200);
    const countries = new Set((res.json() as { country: string }[]).map((r) => r.country));
    expect([...countries].sort()).toEqual(['JOR', 'LBN', 'SYR']);
    const who = await get(
      '/api/exports/values?format=json&framework=tracss-2019-2020&groupType=who_region&group=EMR',
    );
    const emr = new Set((who.json() as { country: string }[]).map((r) => r.country));
    expect(emr.has('JOR') && emr.has('EGY')).toBe(true);
    expect(emr.has('FRA')).toBe(false);
    const bad = await get('/api/exports/values?groupType=who_region&group=XYZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/group/);
  });

  it('answers bad filters 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['countries=JOR,XX1', /countries/],
      ['countries=ZZZ', /^countries: unknown ISO3 code ZZZ/],
      ['from=2030&to=2020', /from: must not be after to/],
      ['from=1800', /from/],
      ['format=pdf', /format/],
      ['status=drafts', /status/],
      ['framework=Not_A_Code', /framework/],
      ['framework=no-such-framework', /^framework: no framework/],
      [`plan=${planId}&countries=LBN`, /^plan: /],
    ];
    for (const [q, message] of cases) {
      const res = await get(`/api/exports/values?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toMatch(message);
    }
    expect((await get('/api/exports/values?plan=999999')).statusCode).toBe(404);
  });
});
