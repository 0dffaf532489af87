import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { Plan } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanPlanId, makePlan, planTableCounts } from './support/plans';

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
let focal: Session;
let admin: Session;
let jor: number;
let syr: Awaited<ReturnType<typeof makePlan>>;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  await makeUser(database, 'p-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'p-admin@example.org', [role('admin')]);
  focal = await signIn(app, 'p-focal@example.org');
  admin = await signIn(app, 'p-admin@example.org');
  jor = await jordanPlanId(database);
  syr = await makePlan(database, 'SYR', 'draft');
});
afterAll(async () => close?.());

const send = (
  s: Session | null,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject(withCredential(s ? { session: s } : null, { method, url, ...(payload ? { payload } : {}) }));
const getPlan = async (id = jor): Promise<Plan> => (await app.inject({ url: `/api/plans/${id}` })).json();

describe("Jordan's NAP 2018–2022, loaded on first start", () => {
  it('has the five objectives with the published budget, mapped to GAP objectives 1–5', async () => {
    const res = await app.inject({ url: '/api/countries/JOR/plans' });
    expect(res.statusCode).toBe(200);
    const [plan] = res.json().items as Plan[];
    expect(plan).toMatchObject({
      countryIso3: 'JOR',
      periodStart: 2018,
      periodEnd: 2022,
      illustrative: false,
    });
    expect(plan?.objectives.map((o) => [o.gapObjective, o.budget, o.currency, o.illustrative])).toEqual([
      [1, 642_800, 'USD', false],
      [2, 599_400, 'USD', false],
      [3, 3_951_700, 'USD', false],
      [4, 2_108_700, 'USD', false],
      [5, 292_100, 'USD', false],
    ]);
    expect(plan?.budget).toEqual({ total: 7_594_700, currency: 'USD' });
  });

  it('loads the operational plan’s activities without a status, and quotes the published rates by objective', async () => {
    // The evaluation (BMC Public Health 2025;25:2718) published rates by objective only: no activity has a
    // status, so no rate is computed; the published ones are quoted with their citation.
    // (Before, invented activities reproduced these rates: see tests/server/jordan-plan.test.ts.)
    const plan = await getPlan();
    const byGap = Object.fromEntries(
      plan.objectives.map((o) => [o.gapObjective, o.publishedRate?.rate ?? null]),
    );
    expect(byGap).toEqual({ 1: 47, 2: 56, 3: 63, 4: 69, 5: null });
    expect(plan.objectives.map((o) => o.implementation.rate)).toEqual([null, null, null, null, null]);
    expect(plan.activities.length).toBeGreaterThan(0);
    expect(plan.activities.some((a) => a.illustrative)).toBe(false);
    expect(plan.activities.every((a) => a.implementationStatus === 'not_reported')).toBe(true);
    expect(plan.implementation.bySector).toEqual([]);
  });

  it('tracks a TrACSS question a user links, against Jordan’s published answer, each figure with its source', async () => {
    // The plan itself follows no TrACSS question; a focal point may link one (the mechanism the invented
    // rows used to show), with a target of their own.
    const created = await send(focal, 'POST', `/api/plans/${jor}/indicators`, {
      indicator: { kind: 'framework', framework: 'tracss-2019-2020', code: '7.4' },
      direction: 'increase',
      targets: [{ year: 2022, level: 'E' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = await getPlan();
    const i = plan.indicators.find((x) => x.indicator.code === 'tracss-2019-2020:7.4');
    expect(i?.indicator).toMatchObject({
      frameworkCode: 'national-jor',
      follows: { frameworkCode: 'tracss-2019-2020', frameworkName: 'TrACSS 2019–2020' },
    });
    expect(i?.illustrative).toBe(false);
    expect(i?.targets).toEqual([{ year: 2022, value: null, level: 'E', illustrative: false }]);
    // The latest value is the published answer, said so; the status built on it is published data too.
    expect(i?.progress.latest).toMatchObject({
      periodCode: '2019-2020',
      source: 'published',
      sourceName: 'TrACSS 2019–2020',
    });
    expect(i?.progress.status).not.toBe('no_data');
    expect(i?.progress.source).toBe('published');
    // Remove it again (no values of its own): the other tests of this file see the plan as shipped.
    const del = await send(focal, 'DELETE', `/api/plans/${jor}/indicators/${i?.id}?version=${i?.version}`);
    expect(del.statusCode, del.body).toBe(200);
  });
});

describe('editing a plan', () => {
  it('a Jordan focal point changes an activity; the rates follow; a stale version is a 409', async () => {
    const before = await getPlan();
    const a = before.activities.find((x) => x.code === 'A5.01');
    if (!a) throw new Error('activity A5.01 missing');
    const res = await send(focal, 'PATCH', `/api/plans/${jor}/activities/${a.id}`, {
      implementationStatus: 'completed',
      version: a.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json() as Plan;
    const changed = plan.activities.find((x) => x.id === a.id);
    expect(changed).toMatchObject({
      implementationStatus: 'completed',
      percentComplete: 100,
      version: a.version + 1,
    });
    // Research: the one activity with a status is completed; the others are not reported, so not counted.
    expect(plan.objectives.find((o) => o.gapObjective === 5)?.implementation).toMatchObject({
      rate: 100,
      counted: 1,
      completed: 1,
    });
    expect(plan.implementation.overall.rate).toBe(100);
    const stale = await send(focal, 'PATCH', `/api/plans/${jor}/activities/${a.id}`, {
      implementationStatus: 'not_started',
      version: a.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^version: stale/);
  });

  it("a Jordan focal point may not edit Syria's plan (403); anonymous writes get 401", async () => {
    const forbidden = await send(focal, 'PATCH', `/api/plans/${syr.planId}/activities/${syr.activityId}`, {
      implementationStatus: 'ongoing',
      version: 1,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toBe('country: you may not edit the plan of SYR');
    const anonymous = await send(null, 'POST', `/api/plans/${jor}/objectives`, { code: 'X', title: 'X' });
    expect(anonymous.statusCode).toBe(401);
    const ok = await send(admin, 'PATCH', `/api/plans/${syr.planId}/activities/${syr.activityId}`, {
      implementationStatus: 'ongoing',
      percentComplete: 30,
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('hides drafts from readers without a role in the country', async () => {
    expect((await app.inject({ url: '/api/countries/SYR/plans' })).json().items).toEqual([]);
    expect((await app.inject({ url: `/api/plans/${syr.planId}` })).statusCode).toBe(404);
    const asAdmin = await app.inject(withCredential({ session: admin }, { url: '/api/countries/SYR/plans' }));
    expect(asAdmin.json().items.map((p: Plan) => p.status)).toEqual(['draft']);
  });

  it('refuses bad input naming the field, and writes nothing in part', async () => {
    const before = await planTableCounts(database);
    const plan = await getPlan();
    const objective = plan.objectives[0]?.id as number;
    const cases: [string, string, object, RegExp][] = [
      [
        'POST',
        'activities',
        {
          objectiveId: objective,
          code: 'N1',
          title: 'x',
          implementationStatus: 'completed',
          percentComplete: 40,
        },
        /^body\.percentComplete: must be 100/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: objective, code: 'N1', title: 'x', percentComplete: 140 },
        /^body\.percentComplete/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: syr.objectiveId, code: 'N1', title: 'x' },
        /^objectiveId: no objective/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: objective, code: 'A1.01', title: 'x' },
        /^code: the objective already has/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: objective, code: 'N1', title: 'x', budget: 10 },
        /^body\.currency: is required/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: objective, code: 'N1', title: 'x', sectors: ['oceans'] },
        /^body\.sectors\.0/,
      ],
      [
        'POST',
        'activities',
        { objectiveId: objective, code: 'N1', title: '  ' },
        /^body\.title: is required/,
      ],
      ['POST', 'objectives', { code: 'SO6', title: 'x', gapObjective: 6 }, /^body\.gapObjective/],
      ['POST', 'objectives', { code: '1', title: 'x' }, /^code: the plan already has an objective 1$/],
      [
        'POST',
        'activities',
        {
          objectiveId: objective,
          code: 'N1',
          title: 'x',
          implementationStatus: 'not_reported',
          percentComplete: 10,
        },
        /^body\.percentComplete: must be empty for an activity whose status is not reported/,
      ],
      // A national indicator whose second target is of the wrong kind: neither the indicator, nor the
      // country's national framework, nor the first target may remain.
      [
        'POST',
        'indicators',
        {
          indicator: { kind: 'national', code: 'AWR-1', name: 'Awareness', measureType: 'percentage' },
          direction: 'increase',
          targets: [
            { year: 2020, value: 40 },
            { year: 2022, level: 'C' },
          ],
        },
        /^targets\.1\.value: indicator AWR-1 is measured as percentage/,
      ],
      [
        'POST',
        'indicators',
        {
          indicator: { kind: 'framework', framework: 'tracss-2019-2020', code: '8.1' },
          direction: 'increase',
          targets: [{ year: 2022, value: 3 }],
        },
        /^targets\.0\.level: indicator tracss-2019-2020:8\.1 is measured in levels/,
      ],
      [
        'POST',
        'indicators',
        { indicator: { kind: 'framework', framework: 'tracss-2019-2020', code: '99.9' }, direction: 'up' },
        /^body\.direction/,
      ],
    ];
    for (const [method, path, payload, message] of cases) {
      const res = await send(focal, method as 'POST', `/api/plans/${jor}/${path}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().message, JSON.stringify(payload)).toMatch(message);
    }
    // The stored status counts too: an activity nobody reported on takes no % complete.
    const a = plan.activities.find((x) => x.code === 'A1.01');
    const patch = await send(focal, 'PATCH', `/api/plans/${jor}/activities/${a?.id}`, {
      percentComplete: 50,
      version: a?.version,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().message).toBe(
      'percentComplete: must be empty for an activity whose status is not reported',
    );
    expect(await planTableCounts(database)).toEqual(before);
  });
});

describe('plan indicators and progress', () => {
  it('tracks a national indicator with baseline and targets, and measures the latest value against the path', async () => {
    const created = await send(focal, 'POST', `/api/plans/${jor}/indicators`, {
      indicator: {
        kind: 'national',
        code: 'HH-1',
        name: 'Hospitals with a stewardship programme',
        measureType: 'percentage',
        unit: '%',
      },
      baseline: { year: 2018, value: 20, source: 'Ministry survey' },
      direction: 'increase',
      targets: [{ year: 2022, value: 60 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const pi = (created.json() as Plan).indicators.find((i) => i.indicator.code === 'HH-1');
    expect(pi).toMatchObject({
      indicator: { frameworkCode: 'national-jor', national: true, measureType: 'percentage' },
      baseline: { year: 2018, value: 20, level: null, source: 'Ministry survey' },
      progress: { latest: null, percentOfTarget: null, status: 'no_data' },
    });
    // A 2020 value of 36: half-way in time expects 40; 36 is within 10 % of the change (4) → at risk.
    const period = await send(focal, 'POST', `/api/plans/${jor}/periods`, {
      kind: 'year',
      year: 2020,
      dueDate: '2021-03-31',
    });
    expect(period.statusCode, period.body).toBe(201);
    const put = await send(focal, 'PUT', '/api/values/JOR/national-jor/HH-1/2020', {
      status: 'reported',
      value: { type: 'percentage', percentage: 36 },
    });
    expect(put.statusCode, put.body).toBe(201);
    // Jordan's focal point sees the draft, said so; the public sees nothing until it is approved.
    const asFocal = (
      (await app.inject(withCredential({ session: focal }, { url: `/api/plans/${jor}` }))).json() as Plan
    ).indicators.find((i) => i.indicator.code === 'HH-1');
    expect(asFocal?.progress).toMatchObject({
      percentOfTarget: 40,
      status: 'at_risk',
      latest: { year: 2020, value: 36, source: 'national_draft' },
      source: 'national_draft',
    });
    const publicView = (await getPlan()).indicators.find((i) => i.indicator.code === 'HH-1');
    expect(publicView?.progress).toMatchObject({ latest: null, percentOfTarget: null, status: 'no_data' });
    await database.rows(sql`
      update submissions set state = 'approved' where plan_period_id = ${period.json().id}`);
    const after = (await getPlan()).indicators.find((i) => i.indicator.code === 'HH-1');
    expect(after?.progress).toMatchObject({
      percentOfTarget: 40,
      status: 'at_risk',
      latest: { year: 2020, value: 36, source: 'national_approved' },
      source: 'national_approved',
    });
    await database.rows(sql`
      update submissions set state = 'draft' where plan_period_id = ${period.json().id}`);

    const targets = await send(focal, 'PUT', `/api/plans/${jor}/indicators/${pi?.id}/targets`, {
      targets: [
        { year: 2020, value: 30 },
        { year: 2022, value: 60 },
      ],
      version: pi?.version,
    });
    expect(targets.statusCode, targets.body).toBe(200);
    const t = (targets.json() as Plan).indicators.find((i) => i.id === pi?.id);
    // The 2020 target is now in force: 36 ≥ 30 → achieved (for that year's target).
    expect(t?.progress).toMatchObject({ target: { year: 2020, value: 30 }, status: 'achieved' });
    const dup = await send(focal, 'PUT', `/api/plans/${jor}/indicators/${pi?.id}/targets`, {
      targets: [
        { year: 2020, value: 30 },
        { year: 2020, value: 35 },
      ],
      version: t?.version,
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toMatch(/^body\.targets\.1\.year: 2020 is listed twice/);
    // It has a value in the plan's years: removing it would hide that value, so it stays (409).
    const del = await send(focal, 'DELETE', `/api/plans/${jor}/indicators/${pi?.id}?version=${t?.version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(/^planIndicator: JOR has 1 value of national-jor HH-1/);
    expect((await getPlan()).indicators.some((i) => i.id === pi?.id)).toBe(true);
  });
});
