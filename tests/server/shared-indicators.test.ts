import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import type { Plan, SharedIndicatorList, SharedIndicatorResult } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { followTracssQuestions, jordanPlanId, makePlan } from './support/plans';

let database: Database;
let app: FastifyInstance;
let closed: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;
let viewerSyr: Session;
let indicatorId = 0;

const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  app.inject(withCredential({ session: s }, { method, url, payload }));

async function track(s: Session, planId: number, body: object) {
  const res = await send(s, 'POST', `/api/plans/${planId}/indicators`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Plan;
}

/**
 * A reported value, written straight into indicator_values: this test is about reading plans side by
 * side, and the values API has tests of its own (values-write.test.ts). Each country reports in its
 * own national framework: Lebanon on its indicator, the others on their indicators following it.
 */
async function report(iso3: string, period: string, value: number) {
  const framework = `national-${iso3.toLowerCase()}`;
  await database.rows(sql`
    insert into periods (framework_code, code, label, start_date, end_date)
    values (${framework}, ${period}, ${period}, ${`${period}-01-01`}, ${`${period}-12-31`})
    on conflict do nothing`);
  await database.rows(sql`
    insert into indicator_values (country_iso3, indicator_id, period_id, status, numeric_value)
    select ${iso3}, i.id, p.id, 'reported', ${value} from indicators i
    join periods p on p.framework_code = i.framework_code and p.code = ${period}
    where i.framework_code = ${framework} and (i.id = ${indicatorId} or i.follows_indicator_id = ${indicatorId})`);
}

/*
 * Lebanon defines a national indicator (antibiotic use, DDD per 1000 inhabitants per day, to be
 * reduced); Jordan, Egypt and Syria (a draft plan) track the same indicator in their plans.
 */
beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  closed = await buildApp({ database, publicRead: false });
  await makeUser(database, 's-admin@example.org', [role('admin')]);
  await makeUser(database, 's-viewer@example.org', [role('viewer', 'SYR')]);
  admin = await signIn(app, 's-admin@example.org');
  viewerSyr = await signIn(closed, 's-viewer@example.org');
  const lbn = await makePlan(database, 'LBN');
  const egy = await makePlan(database, 'EGY');
  const syr = await makePlan(database, 'SYR', 'draft');
  const jor = await jordanPlanId(database);
  // Jordan also follows two TrACSS questions (set up here: its shipped plan follows none), one with a
  // target flagged illustrative.
  await followTracssQuestions(database, jor, [
    { code: '7.4', target: 'D', illustrative: true },
    { code: '9.1', target: 'D' },
  ]);

  const created = await track(admin, lbn.planId, {
    indicator: {
      kind: 'national',
      code: 'AMU-1',
      name: 'Antibiotic use, DDD per 1000 inhabitants per day',
      measureType: 'number',
      unit: 'DDD',
    },
    baseline: { year: 2020, value: 30, source: 'Surveillance report' },
    direction: 'decrease',
    targets: [{ year: 2024, value: 20 }],
  });
  indicatorId = created.indicators.find((i) => i.indicator.code === 'AMU-1')?.indicator.id as number;
  const shared = { kind: 'framework', framework: 'national-lbn', code: 'AMU-1' };
  await track(admin, jor, {
    indicator: shared,
    baseline: { year: 2018, value: 40 },
    direction: 'decrease',
    targets: [
      { year: 2020, value: 35 },
      { year: 2022, value: 25 },
    ],
  });
  await track(admin, egy.planId, {
    indicator: shared,
    direction: 'decrease',
    targets: [{ year: 2024, value: 10 }],
  });
  await track(admin, syr.planId, {
    indicator: shared,
    baseline: { year: 2020, value: 50 },
    direction: 'decrease',
    targets: [{ year: 2024, value: 40 }],
  });
  await report('LBN', '2021', 33); // older value: the 2022 one counts
  await report('LBN', '2022', 27);
  await report('JOR', '2021', 28);
  await report('SYR', '2022', 39);
});
afterAll(async () => {
  await closed?.close();
  await close?.();
});

const byIso3 = (r: SharedIndicatorResult) => Object.fromEntries(r.rows.map((x) => [x.iso3, x]));

async function sideBySide(query: string, server = app, s?: Session): Promise<SharedIndicatorResult> {
  const res = await server.inject(
    withCredential(s ? { session: s } : null, {
      url: `/api/compare/indicator?indicatorId=${indicatorId}&${query}`,
    }),
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/compare/indicators', () => {
  it('lists the shared national indicator first, without the draft plan for anonymous visitors', async () => {
    const res = await app.inject({ url: '/api/compare/indicators' });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as SharedIndicatorList;
    expect(list.items[0]).toMatchObject({
      indicator: { id: indicatorId, frameworkCode: 'national-lbn', code: 'AMU-1', national: true },
      countries: ['EGY', 'JOR', 'LBN'],
    });
    // Jordan's TrACSS indicators, tracked by Jordan alone, are listed too …
    const single = list.items.filter((i) => i.countries.length === 1);
    expect(
      single.filter((i) => i.indicator.frameworkCode === 'tracss-2019-2020').map((i) => i.indicator.code),
    ).toEqual(['7.4', '9.1']);
    // … and so are the indicators of its M&E plan, national indicators other plans may adopt.
    const me = single.filter((i) => i.indicator.frameworkCode === 'national-jor');
    expect(me.length).toBeGreaterThan(90);
    expect(me.every((i) => i.countries[0] === 'JOR' && /^ME-\d\.\d\d$/.test(i.indicator.code))).toBe(true);
  });

  it('shows the draft plan to an administrator', async () => {
    const res = await app.inject(withCredential({ session: admin }, { url: '/api/compare/indicators' }));
    expect((res.json() as SharedIndicatorList).items[0]?.countries).toEqual(['EGY', 'JOR', 'LBN', 'SYR']);
  });
});

describe('GET /api/compare/indicator: one indicator side by side', () => {
  it('computes each country’s latest value, target in force, % of target and status (decreasing target)', async () => {
    const r = await sideBySide('groupType=who_region&group=EMR', app, admin);
    expect(r.indicator.code).toBe('AMU-1');
    expect(r.rows.map((x) => x.iso3)).toEqual(['EGY', 'JOR', 'LBN', 'SYR']); // by name
    const rows = byIso3(r);
    // Lebanon: 30 (2020) → 20 (2024); 27 in 2022 is (27 − 30) / (20 − 30) = 30 % of the change,
    // half-way in time expects 50 %: short by 20 points > 10 → off track.
    expect(rows.LBN?.progress).toMatchObject({
      latest: { value: 27, periodCode: '2022', year: 2022 },
      target: { year: 2024, value: 20 },
      percentOfTarget: 30,
      status: 'off_track',
    });
    expect(rows.LBN?.baseline).toMatchObject({ year: 2020, value: 30, source: 'Surveillance report' });
    // Jordan: 40 (2018); for a 2021 value the 2022 target (25) is in force; (28 − 40) / (25 − 40) = 80 %;
    // 3 of 4 years elapsed expects 75 % → on track.
    expect(rows.JOR?.progress).toMatchObject({
      latest: { value: 28, year: 2021 },
      target: { year: 2022, value: 25 },
      percentOfTarget: 80,
      status: 'on_track',
    });
    expect(rows.JOR?.plan).toMatchObject({ periodStart: 2018, periodEnd: 2022 });
    // Syria (draft, seen by an administrator): 39 ≤ 40 → achieved; (39 − 50) / (40 − 50) = 110 %.
    expect(rows.SYR?.progress).toMatchObject({ percentOfTarget: 110, status: 'achieved' });
    expect(rows.SYR?.plan.status).toBe('draft');
    // Egypt tracks it but reported nothing.
    expect(rows.EGY?.progress).toMatchObject({ latest: null, percentOfTarget: null, status: 'no_data' });
    expect(rows.EGY?.baseline).toBeNull();
  });

  it('keeps to the group and hides drafts from whoever may not see them', async () => {
    const picked = await sideBySide('groupType=countries&group=LBN,SYR,IRQ');
    expect(picked.rows.map((x) => x.iso3)).toEqual(['LBN']);
    expect(picked.group.members).toEqual(['LBN', 'SYR', 'IRQ']);
    const asia = await sideBySide('groupType=un_region&group=Asia', app, admin);
    expect(asia.rows.map((x) => x.iso3)).toEqual(['JOR', 'LBN', 'SYR']); // Egypt is in UN Africa
  });

  it('without public data, shows a country’s reader its own draft and nothing else', async () => {
    const r = await sideBySide('groupType=all', closed, viewerSyr);
    expect(r.rows.map((x) => x.iso3)).toEqual(['SYR']);
    const anonymous = await closed.inject({ url: `/api/compare/indicator?indicatorId=${indicatorId}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows Jordan alone on its TrACSS indicator, with the illustrative target flagged', async () => {
    const list = (await (await app.inject({ url: '/api/compare/indicators' })).json()) as SharedIndicatorList;
    const ind = list.items.find(
      (i) => i.indicator.frameworkCode === 'tracss-2019-2020' && i.indicator.code === '7.4',
    );
    const res = await app.inject({ url: `/api/compare/indicator?indicatorId=${ind?.indicator.id}` });
    const r = res.json() as SharedIndicatorResult;
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      iso3: 'JOR',
      illustrative: true,
      progress: { target: { level: 'D' } },
    });
  });

  it('names a missing indicator and a bad id', async () => {
    const missing = await app.inject({ url: '/api/compare/indicator?indicatorId=99999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('indicatorId: no indicator 99999999');
    const bad = await app.inject({ url: '/api/compare/indicator?indicatorId=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/indicatorId/);
  });
});
