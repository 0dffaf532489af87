import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { Plan } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanPlanId } from './support/plans';

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;
let jor = 0;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  await makeUser(database, 'ib-admin@example.org', [role('admin')]);
  admin = await signIn(app, 'ib-admin@example.org');
  jor = await jordanPlanId(database);
});
afterAll(async () => close?.());

const send = (who: Session | null, method: string, url: string, payload?: object | string) =>
  app.inject(
    withCredential(who ? { session: who } : null, {
      method: method as 'GET',
      url,
      ...(payload !== undefined ? { payload } : {}),
      ...(typeof payload === 'string' ? { headers: { 'content-type': 'application/json' } } : {}),
    }),
  );
const valueCount = async () =>
  (await database.rows<{ n: number }>(sql`select count(*)::int as n from value_comments`))[0]?.n;

describe('strings PostgreSQL cannot store', () => {
  it('answers 400 naming the field for a NUL in the query (anonymous)', async () => {
    const res = await send(null, 'GET', '/api/countries?q=%00');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe('query.q: must not contain the NUL character');
  });

  it('answers 400 for a NUL or a lone surrogate in a body, writing nothing', async () => {
    const before = await valueCount();
    const url = '/api/values/JOR/tracss-2019-2020/4.1/2019-2020';
    const nul = await send(admin, 'PUT', url, {
      status: 'reported',
      value: { type: 'level', level: 'C' },
      comment: 'before\u0000after',
    });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().issues).toEqual([
      {
        path: 'body.comment',
        message: 'must not contain the NUL character',
        code: 'invalid_format',
        params: { format: 'text' },
      },
    ]);
    // JSON may carry a lone surrogate ("\ud800"): Postgres would store it silently changed.
    const raw = '{"status":"reported","value":{"type":"level","level":"C"},"comment":"x\\ud800"}';
    const lone = await send(admin, 'PUT', url, raw);
    expect(lone.statusCode, lone.body).toBe(400);
    expect(lone.json().message).toMatch(/^body\.comment: must be valid Unicode/);
    expect(await valueCount()).toBe(before);
  });
});

describe('numbers', () => {
  let pi: Plan['indicators'][number];
  beforeAll(async () => {
    const created = await send(admin, 'POST', `/api/plans/${jor}/indicators`, {
      indicator: { kind: 'national', code: 'IB-1', name: 'Sites reporting', measureType: 'number' },
      direction: 'increase',
      targets: [{ year: 2022, value: 50 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    pi = (created.json() as Plan).indicators.find((i) => i.indicator.code === 'IB-1') as typeof pi;
    await database.rows(sql`insert into periods (framework_code, code, label, start_date, end_date)
      values ('national-jor', '2020', '2020', '2020-01-01', '2020-12-31') on conflict do nothing`);
    const put = await send(admin, 'PUT', '/api/values/JOR/national-jor/IB-1/2020', {
      status: 'reported',
      value: { type: 'number', number: 5 },
    });
    expect(put.statusCode, put.body).toBe(201);
  });

  it('refuses a subnormal target (1e-320) with 400 naming it, and the plan stays as it was', async () => {
    const res = await send(admin, 'PUT', `/api/plans/${jor}/indicators/${pi.id}/targets`, {
      targets: [{ year: 2022, value: 1e-320 }],
      version: pi.version,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe('body.targets.0.value: must be 0 or at least 1e-9 in absolute value');
    // As the administrator who entered it: the 2020 value is national data outside any approved period.
    const plan = (await send(admin, 'GET', `/api/plans/${jor}`)).json() as Plan;
    const now = plan.indicators.find((i) => i.id === pi.id);
    expect(now?.version).toBe(pi.version);
    expect(now?.progress).toMatchObject({ percentOfTarget: 10, target: { year: 2022, value: 50 } });
  });

  it('refuses huge, subnormal and non-numeric values', async () => {
    const url = '/api/values/JOR/national-jor/IB-1/2020';
    for (const number of [1e16, -5e-324, '12']) {
      const res = await send(admin, 'PUT', url, { status: 'reported', value: { type: 'number', number } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(/^body\.value\.number: /);
    }
  });

  it('a bad figure stored earlier is shown without a % of target instead of a 500 for everyone', async () => {
    // A baseline of 0 and a target of 1e-320: the planned change is subnormal, the share of it infinite.
    await database.rows(sql`update plan_targets set value = 1e-320 where plan_indicator_id = ${pi.id}`);
    await database.rows(
      sql`update plan_indicators set baseline_value = 0, baseline_year = 2018 where id = ${pi.id}`,
    );
    const plan = await send(null, 'GET', `/api/plans/${jor}`);
    expect(plan.statusCode, plan.body).toBe(200);
    const shown = (plan.json() as Plan).indicators.find((i) => i.id === pi.id);
    expect(shown?.progress.percentOfTarget).toBeNull();
    expect((await send(null, 'GET', '/api/countries/JOR/plans')).statusCode).toBe(200);
    const indicatorId = pi.indicator.id;
    const compare = await send(null, 'GET', `/api/compare/indicator?indicatorId=${indicatorId}`);
    expect(compare.statusCode, compare.body).toBe(200);
  });
});

// On Postgres a float column can hold NaN and ±Infinity (a ratio over a tiny denominator was accepted
// before). PGlite tests cover the same reads without such rows.
describe.runIf(process.env.DATABASE_URL)('a non-finite figure stored earlier (Postgres)', () => {
  it('reads as no figure instead of a 500 for everyone', async () => {
    await database.rows(sql`update indicator_values set numeric_value = 'Infinity'
      where country_iso3 = 'JOR' and indicator_id = (select id from indicators where code = 'IB-1')`);
    // As the administrator who entered it (national data outside an approved period is not public).
    const res = await send(admin, 'GET', '/api/values?country=JOR&framework=national-jor');
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((v: { indicatorCode: string }) => v.indicatorCode === 'IB-1');
    expect(row?.numericValue).toBeNull();
    expect((await send(null, 'GET', `/api/plans/${jor}`)).statusCode).toBe(200);
  });
});
