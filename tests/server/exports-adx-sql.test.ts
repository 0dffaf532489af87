import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { adxPeriodSql } from '../../server/modules/exports/adx/adx-sql';
import { adxChunks, countAdx } from '../../server/modules/exports/adx/build';
import { exportRows } from '../../server/modules/exports/rows';
import type { ExportScope } from '../../server/modules/exports/scope';
import { type AdxMapping, AdxMappingSchema } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import * as reference from './support/adx-reference';
import { makeUser, role, type Session, signIn } from './support/auth';
import { jordanPlanId } from './support/plans';
import { addNationalIndicator, addPeriod, as } from './support/workflow';

/*
 * The ADX document is written by Postgres (adx-sql.ts). Here it is checked, byte for byte, against the
 * document the former JavaScript builder makes of the same rows (support/adx-reference.ts), over every
 * country's values: the TrACSS rounds and approved national values of every measure type, with the
 * server's default mapping and with a strict one.
 */
let database: Database;
let app: FastifyInstance;
let focal: Session;
const exportedAt = new Date('2021-04-15T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'adxsql-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'adxsql-val@example.org', [role('validator', 'JOR')]);
  focal = await signIn(app, 'adxsql-focal@example.org');
  const validator = await signIn(app, 'adxsql-val@example.org');
  const planId = await jordanPlanId(database);
  for (const [code, type] of [
    ['AS-PCT', 'percentage'],
    ['AS-TINY', 'percentage'],
    ['AS-SUM', 'number'],
    ['AS-RATIO', 'ratio'],
    ['AS-LVL', 'level'],
    ['AS-YES', 'yes_no'],
    ['AS-NO', 'yes_no'],
    ['AS-TXT', 'text'],
    ['AS-NONE', 'count'],
  ] as const)
    await addNationalIndicator(app, focal, planId, code, type);
  const period = await addPeriod(app, focal, planId, 2019, '2020-03-31');
  const put = (code: string, payload: object) =>
    as(app, focal, 'PUT', `/api/values/JOR/national-jor/${code}/2019`, payload);
  const writes = [
    put('AS-PCT', { status: 'reported', value: { type: 'percentage', percentage: 35.5 } }),
    put('AS-TINY', { status: 'reported', value: { type: 'percentage', percentage: 1e-7 } }),
    put('AS-SUM', { status: 'reported', value: { type: 'number', number: 0.1 + 0.2 } }),
    put('AS-RATIO', { status: 'reported', value: { type: 'ratio', numerator: 1, denominator: 3 } }),
    put('AS-LVL', { status: 'reported', value: { type: 'level', level: 'D' } }),
    put('AS-YES', { status: 'reported', value: { type: 'yes_no', answer: true } }),
    put('AS-NO', { status: 'reported', value: { type: 'yes_no', answer: false } }),
    put('AS-TXT', { status: 'reported', value: { type: 'text', text: 'Two <new> "labs" & more' } }),
    put('AS-NONE', { status: 'no_data', reason: 'survey delayed' }),
  ];
  for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(201);
  const sub = await as(app, focal, 'POST', `/api/periods/${period.id}/submit`, { version: 1 });
  expect(sub.statusCode, sub.body).toBe(200);
  const ok = await as(app, validator, 'POST', `/api/periods/${period.id}/approve`, {
    version: sub.json().submission.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function text(chunks: AsyncIterable<string | Uint8Array>) {
  let s = '';
  const decoder = new TextDecoder();
  for await (const c of chunks) s += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  return s + decoder.decode();
}

async function allCountries(): Promise<ExportScope> {
  const rows = await database.rows<{ iso3: string }>(sql`select iso3 from countries order by iso3`);
  return {
    countries: rows.map((r) => r.iso3),
    draftCountries: new Set(),
    plan: null,
    frameworkCode: null,
    from: null,
    to: null,
  };
}

async function compareWithReference(mapping: AdxMapping) {
  const scope = await allCountries();
  const ours = await text(adxChunks(database, scope, mapping, exportedAt));
  const theirs = await text(reference.adxChunks(exportRows(database, scope, []), mapping, exportedAt));
  expect(ours.length).toBeGreaterThan(1_000);
  expect(ours).toBe(theirs);
  const counted = await countAdx(database, scope, mapping);
  const expected = await reference.countAdx(exportRows(database, scope, []), mapping);
  expect(counted.groups).toBe(expected.groups);
  expect([...counted.skipped.counts]).toEqual([...expected.skipped.counts]);
  expect(counted.skipped.total).toBe(expected.skipped.total);
  return { ours, counted };
}

describe('the ADX document written by Postgres', () => {
  it('is what the JavaScript builder made of the same rows, with our own codes', async () => {
    const { ours, counted } = await compareWithReference(AdxMappingSchema.parse({}));
    expect(counted.groups).toBeGreaterThan(100);
    expect(ours).toContain('dataElement="national-jor:AS-TINY" value="0.0000001"');
    expect(ours).toContain('dataElement="national-jor:AS-SUM" value="0.30000000000000004"');
    expect(ours).toContain('dataElement="national-jor:AS-LVL" value="4"');
    expect(ours).toContain('dataElement="national-jor:AS-NO" value="0"');
    expect(ours).not.toContain('AS-TXT');
    expect(counted.skipped.summary()).toMatch(/text values \(not numeric\) \(\d+\)/);
  });

  it('is what the JavaScript builder made with a strict mapping, levels as category options', async () => {
    const mapping = AdxMappingSchema.parse({
      strict: true,
      dataSets: { 'national-jor': 'dsNap', 'tracss-2019-2020': 'dsTr19' },
      orgUnits: { JOR: 'ouJor', EGY: 'ou.Egy', FRA: 'ou/Fra' },
      dataElements: {
        'national-jor:AS-PCT': 'dePct',
        'national-jor:AS-LVL': 'deLvl',
        'tracss-2019-2020:7.4': 'deTr74',
        'tracss-2019-2020:4.1': 'deTr41',
      },
      levels: { attribute: 'AMR_LEVEL', options: { A: 'lvA', B: 'lvB', C: 'lvC', D: 'lvD', E: 'lvE' } },
    });
    const { ours, counted } = await compareWithReference(mapping);
    expect(ours).toContain('<dataValue dataElement="deLvl" AMR_LEVEL="lvD" value="1">');
    expect(ours).toContain('<group orgUnit="ou.Egy" period="2019-01-01/P2Y" dataSet="dsTr19">');
    expect(counted.skipped.counts.get('dataElement national-jor:AS-YES not mapped')).toBe(1);
  });

  it('names a period as ISO 8601 start/duration, as the JavaScript builder did, for every pair of dates', async () => {
    const dates = ['2019-01-01', '2020-01-01', '2024-03-15', '2024-04-01'];
    const ends = ['2019-12-31', '2020-12-31', '2024-03-21', '2024-06-30', '2024-02-29', '2025-03-31'];
    const pairs = dates.flatMap((s) => ends.filter((e) => e >= s).map((e) => [s, e] as const));
    const rows = await database.rows<{ start: string; end: string; adx: string }>(
      sql.raw(
        `select s::text as start, e::text as end, ${adxPeriodSql('s', 'e')} as adx from (values ${pairs
          .map(([s, e]) => `('${s}'::date, '${e}'::date)`)
          .join(', ')}) as t(s, e)`,
      ),
    );
    expect(rows).toHaveLength(pairs.length);
    for (const r of rows) expect(r.adx, `${r.start}–${r.end}`).toBe(reference.adxPeriod(r.start, r.end));
    const named = Object.fromEntries(rows.map((r) => [`${r.start}/${r.end}`, r.adx]));
    expect(named['2019-01-01/2020-12-31']).toBe('2019-01-01/P2Y');
    expect(named['2024-04-01/2024-06-30']).toBe('2024-04-01/P3M');
    expect(named['2024-03-15/2024-03-21']).toBe('2024-03-15/P7D');
  });
});
