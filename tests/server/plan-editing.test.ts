import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { HistoryEntry, PeriodHistoryEntry, Plan } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { followTracssQuestions, jordanPlanId, planTableCounts } from './support/plans';
import { addPeriod, auditRows } from './support/workflow';

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
const s = {} as Record<'focal' | 'admin' | 'viewer' | 'validator' | 'outsider', Session>;
let focalId = 0;
let jor = 0;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  focalId = (await makeUser(database, 'pe-focal@example.org', [role('focal_point', 'JOR')])).id;
  await makeUser(database, 'pe-admin@example.org', [role('admin')]);
  await makeUser(database, 'pe-viewer@example.org', [role('viewer', 'JOR')]);
  await makeUser(database, 'pe-val@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'pe-outsider@example.org', [role('viewer', 'EGY')]);
  s.focal = await signIn(app, 'pe-focal@example.org');
  s.admin = await signIn(app, 'pe-admin@example.org');
  s.viewer = await signIn(app, 'pe-viewer@example.org');
  s.validator = await signIn(app, 'pe-val@example.org');
  s.outsider = await signIn(app, 'pe-outsider@example.org');
  jor = await jordanPlanId(database);
  // Jordan's plan follows TrACSS questions 7.4 and 9.1 in this file (set up here: the shipped plan
  // follows none).
  await followTracssQuestions(database, jor, [{ code: '7.4' }, { code: '9.1' }]);
});
afterAll(async () => close?.());

const send = (who: Session | null, method: string, url: string, payload?: object) =>
  app.inject(
    withCredential(who ? { session: who } : null, {
      method: method as 'GET',
      url,
      ...(payload ? { payload } : {}),
    }),
  );
const auditCount = async () =>
  (await database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]?.n;

describe('creating and changing a plan', () => {
  it('a focal point creates the next generation as a draft; the creation is audited', async () => {
    const res = await send(s.focal, 'POST', '/api/countries/JOR/plans', {
      title: '  NAP 2023–2025 ',
      periodStart: 2023,
      periodEnd: 2025,
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as Plan;
    expect(plan).toMatchObject({
      countryIso3: 'JOR',
      title: 'NAP 2023–2025',
      status: 'draft',
      generation: 2,
      version: 1,
    });
    const [row] = await auditRows(database, 'plan', plan.id);
    expect(row).toMatchObject({ action: 'create', user_id: focalId, old: null });
    expect(row?.new).toMatchObject({ title: 'NAP 2023–2025', generation: 2, planId: plan.id });

    const patch = await send(s.validator, 'PATCH', `/api/plans/${plan.id}`, {
      status: 'approved',
      version: 1,
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ status: 'approved', version: 2 });
    const rows = await auditRows(database, 'plan', plan.id);
    expect(rows[1]).toMatchObject({
      action: 'update',
      old: { status: 'draft' },
      new: { status: 'approved' },
    });

    const stale = await send(s.focal, 'PATCH', `/api/plans/${plan.id}`, { title: 'Other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^version: stale/);
  });

  it('approving a plan, or withdrawing its approval, is for the country’s validators and admins only', async () => {
    const created = await send(s.focal, 'POST', '/api/countries/JOR/plans', {
      title: 'NAP approval test',
      periodStart: 2031,
      periodEnd: 2035,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as Plan).id;
    const url = `/api/plans/${id}`;
    const counts = await planTableCounts(database);
    const audit = await auditCount();
    const refusal =
      'status: only a validator of JOR or an administrator may approve a plan or withdraw its approval';
    // A focal point edits the draft but may not approve it, nor skip approval, nor create it approved.
    for (const status of ['approved', 'implementing', 'closed']) {
      const res = await send(s.focal, 'PATCH', url, { status, version: 1 });
      expect(res.statusCode, status).toBe(403);
      expect(res.json().message).toBe(refusal);
    }
    const born = await send(s.focal, 'POST', '/api/countries/JOR/plans', {
      title: 'Born approved',
      periodStart: 2036,
      periodEnd: 2040,
      status: 'approved',
    });
    expect(born.statusCode).toBe(403);
    expect(born.json().message).toBe(refusal);
    // A validator may change the status, but not the plan's other fields.
    const both = await send(s.validator, 'PATCH', url, { status: 'approved', title: 'Mine', version: 1 });
    expect(both.statusCode).toBe(403);
    expect(both.json().message).toBe('country: you may not edit the plan of JOR');
    expect(await planTableCounts(database)).toEqual(counts);
    expect(await auditCount()).toBe(audit);

    const title = await send(s.focal, 'PATCH', url, { title: 'NAP approval test (v2)', version: 1 });
    expect(title.statusCode, title.body).toBe(200);
    const approved = await send(s.validator, 'PATCH', url, { status: 'approved', version: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    // Moving it away from approved (back to draft, or on to implementing) is the validator's act too.
    for (const status of ['draft', 'implementing']) {
      const res = await send(s.focal, 'PATCH', url, { status, version: 3 });
      expect(res.statusCode, status).toBe(403);
      expect(res.json().message).toBe(refusal);
    }
    const back = await send(s.admin, 'PATCH', url, { status: 'draft', version: 3 });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'draft', title: 'NAP approval test (v2)', version: 4 });
    const rows = await auditRows(database, 'plan', id);
    expect(rows.map((r) => [r.old?.status ?? null, r.new?.status])).toEqual([
      [null, 'draft'],
      ['draft', 'draft'],
      ['draft', 'approved'],
      ['approved', 'draft'],
    ]);
  });

  it('refuses bad input naming the field, others’ countries and readers, and writes nothing', async () => {
    const counts = await planTableCounts(database);
    const audit = await auditCount();
    const bad: [Session | null, string, string, object, number, RegExp][] = [
      [
        s.focal,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 2025, periodEnd: 2023 },
        400,
        /^body\.periodEnd: must not be before/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/JOR/plans',
        { title: ' ', periodStart: 2023, periodEnd: 2025 },
        400,
        /^body\.title: is required/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 1800, periodEnd: 2025 },
        400,
        /^body\.periodStart/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025, status: 'done' },
        400,
        /^body\.status/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025, generation: 1 },
        409,
        /^generation: JOR already has/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/SYR/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025 },
        403,
        /^country: you may not edit/,
      ],
      [
        s.viewer,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025 },
        403,
        /^country:/,
      ],
      [
        null,
        'POST',
        '/api/countries/JOR/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025 },
        401,
        /^authentication/,
      ],
      [
        s.focal,
        'POST',
        '/api/countries/XXX/plans',
        { title: 'x', periodStart: 2023, periodEnd: 2025 },
        404,
        /^country: no country/,
      ],
      [
        s.focal,
        'PATCH',
        `/api/plans/${jor}`,
        { periodEnd: 2010, version: 1 },
        400,
        /^periodEnd: must not be before periodStart/,
      ],
      [s.focal, 'PATCH', `/api/plans/${jor}`, { title: 'x' }, 400, /^body\.version/],
    ];
    for (const [who, method, url, payload, status, message] of bad) {
      const res = await send(who, method, url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(status);
      expect(res.json().message).toMatch(message);
    }
    expect(await planTableCounts(database)).toEqual(counts);
    expect(await auditCount()).toBe(audit);
  });
});

describe('plan elements are audited, and never lose data', () => {
  it('records an activity’s creation, change and deletion, old → new, readable as the plan’s history', async () => {
    const plan = (await (await send(s.focal, 'GET', `/api/plans/${jor}`)).json()) as Plan;
    const objective = plan.objectives[0]?.id as number;
    const created = await send(s.focal, 'POST', `/api/plans/${jor}/activities`, {
      objectiveId: objective,
      code: 'H1',
      title: 'Train hospital pharmacists',
      sectors: ['human_health'],
      budget: 1000,
      currency: 'usd',
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = (created.json() as Plan).activities.find((x) => x.code === 'H1');
    if (!a) throw new Error('H1 not created');
    const changed = await send(s.focal, 'PATCH', `/api/plans/${jor}/activities/${a.id}`, {
      implementationStatus: 'ongoing',
      percentComplete: 40,
      version: a.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const history = await send(
      s.viewer,
      'GET',
      `/api/plans/${jor}/history?entityType=plan_activity&entityId=${a.id}`,
    );
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items as HistoryEntry[];
    expect(items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({
      label: 'Activity H1',
      user: { id: focalId },
      old: { implementationStatus: 'not_started', percentComplete: 0, version: 1 },
      new: { implementationStatus: 'ongoing', percentComplete: 40, version: 2 },
    });
    expect(items[1]?.new).toMatchObject({ currency: 'USD', budget: 1000, planId: jor });

    const del = await send(s.focal, 'DELETE', `/api/plans/${jor}/activities/${a.id}?version=2`);
    expect(del.statusCode, del.body).toBe(200);
    const all = (await send(s.focal, 'GET', `/api/plans/${jor}/history`)).json().items as HistoryEntry[];
    const deleted = all.find((i) => i.entityType === 'plan_activity' && i.action === 'delete');
    expect(deleted).toMatchObject({
      entityId: String(a.id),
      new: null,
      old: { code: 'H1', title: 'Train hospital pharmacists' },
    });
  });

  it('audits objectives and indicator targets; a stale or failed write leaves no audit row', async () => {
    const o = await send(s.focal, 'POST', `/api/plans/${jor}/objectives`, {
      code: 'SO9',
      title: 'Extra',
      gapObjective: 2,
    });
    expect(o.statusCode, o.body).toBe(201);
    const obj = (o.json() as Plan).objectives.find((x) => x.code === 'SO9');
    const audit = await auditCount();
    const stale = await send(s.focal, 'PATCH', `/api/plans/${jor}/objectives/${obj?.id}`, {
      title: 'Y',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount()).toBe(audit);
    const edited = await send(s.focal, 'PATCH', `/api/plans/${jor}/objectives/${obj?.id}`, {
      title: 'Renamed',
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    const rows = await auditRows(database, 'plan_objective', obj?.id as number);
    expect(rows.map((r) => [r.action, r.old?.title ?? null, r.new?.title])).toEqual([
      ['create', null, 'Extra'],
      ['update', 'Extra', 'Renamed'],
    ]);

    const pi = ((await (await send(s.focal, 'GET', `/api/plans/${jor}`)).json()) as Plan).indicators.find(
      (i) => i.indicator.code === 'tracss-2019-2020:7.4',
    ) as Plan['indicators'][number];
    const t = await send(s.focal, 'PUT', `/api/plans/${jor}/indicators/${pi.id}/targets`, {
      targets: [
        { year: 2021, level: 'C' },
        { year: 2022, level: 'D' },
      ],
      version: pi.version,
    });
    expect(t.statusCode, t.body).toBe(200);
    const [last] = (await auditRows(database, 'plan_indicator', pi.id)).slice(-1);
    expect(last?.action).toBe('targets');
    expect(last?.new?.targets).toEqual([
      { year: 2021, value: null, level: 'C' },
      { year: 2022, value: null, level: 'D' },
    ]);
    expect(last?.old?.indicator).toBe(`national-jor ${pi.indicator.code}`);
  });

  it('refuses to delete an objective that still has activities, and an indicator with values (409)', async () => {
    const plan = (await (await send(s.focal, 'GET', `/api/plans/${jor}`)).json()) as Plan;
    const counts = await planTableCounts(database);
    const audit = await auditCount();
    const o = plan.objectives.find((x) => x.code === '1');
    const res = await send(s.focal, 'DELETE', `/api/plans/${jor}/objectives/${o?.id}?version=${o?.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/^objective: 1 still has activities/);
    // Jordan reported its own 7.4 level for 2021: the plan keeps tracking it. (The round's published
    // answer is not Jordan's reporting: alone, it would not hold the indicator.)
    const code = 'tracss-2019-2020:7.4';
    const i = plan.indicators.find((x) => x.indicator.code === code);
    await addPeriod(app, s.focal, jor, 2021, '2022-03-31');
    const value = await send(s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/2021`, {
      status: 'reported',
      value: { type: 'level', level: 'C' },
    });
    expect(value.statusCode, value.body).toBe(201);
    const counts2 = await planTableCounts(database);
    const audit2 = await auditCount();
    const del = await send(s.focal, 'DELETE', `/api/plans/${jor}/indicators/${i?.id}?version=${i?.version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(
      /^planIndicator: JOR has 1 value of national-jor tracss-2019-2020:7\.4/,
    );
    expect(await planTableCounts(database)).toEqual(counts2);
    expect(await auditCount()).toBe(audit2);
    expect(counts2).toEqual(counts);
    expect(audit2).toBe((audit ?? 0) + 2); // the period and the value, not the refused deletes
  });

  it('hides the history of a draft plan from readers who may not see it', async () => {
    const draft = await send(s.admin, 'POST', '/api/countries/SYR/plans', {
      title: 'Draft',
      periodStart: 2024,
      periodEnd: 2026,
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect((await send(null, 'GET', `/api/plans/${id}/history`)).statusCode).toBe(404);
    expect((await send(s.focal, 'GET', `/api/plans/${id}/history`)).statusCode).toBe(404);
    const asAdmin = await send(s.admin, 'GET', `/api/plans/${id}/history`);
    expect(asAdmin.json().items.map((x: HistoryEntry) => [x.label, x.action])).toEqual([
      ['Plan Draft', 'create'],
    ]);
  });
});

describe('a period’s history and a value’s history', () => {
  it('lists value changes and workflow steps, who, when, how, old → new', async () => {
    const period = await addPeriod(app, s.focal, jor, 2019, '2020-03-31');
    const grid = (await send(s.focal, 'GET', `/api/periods/${period.id}/entry`)).json();
    const code = 'tracss-2019-2020:7.4';
    const row = grid.rows.find((r: { indicator: { code: string } }) => r.indicator.code === code);
    expect(row).toMatchObject({ frameworkPeriodCode: '2019', value: null });
    const url = `/api/values/JOR/national-jor/${code}/2019`;
    const created = await send(s.focal, 'PUT', url, {
      status: 'reported',
      value: { type: 'level', level: 'C' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const put = await send(s.focal, 'PUT', url, {
      status: 'reported',
      value: { type: 'level', level: 'D' },
      version: created.json().version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const submit = await send(s.focal, 'POST', `/api/periods/${period.id}/submit`, { version: 1 });
    expect(submit.statusCode, submit.body).toBe(200);

    const one = await send(s.viewer, 'GET', `/api/periods/${period.id}/rows/${row.planIndicatorId}/history`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().items).toHaveLength(2);
    // Typed, not column names: the level before → after, the indicator by the question's code.
    expect(one.json().items[0]).toMatchObject({
      user: { id: focalId },
      channel: { kind: 'grid', detail: null },
      submission: { number: 1, after: null },
      event: {
        kind: 'value',
        action: 'update',
        indicator: { code: '7.4', measureType: 'level' },
        changes: [{ field: 'value', from: { type: 'level', level: 'C' }, to: { type: 'level', level: 'D' } }],
      },
    });
    const all = (await send(s.validator, 'GET', `/api/periods/${period.id}/history`)).json()
      .items as PeriodHistoryEntry[];
    expect(all.map((e) => [e.event.kind, e.event.action])).toEqual([
      ['workflow', 'submit'],
      ['value', 'update'],
      ['value', 'create'],
    ]);
    // Old → new of values not yet approved, and return reasons: the country's roles only.
    const anonymous = await send(null, 'GET', `/api/periods/${period.id}/history`);
    expect(anonymous.statusCode).toBe(401);
    const outsider = await send(s.outsider, 'GET', `/api/periods/${period.id}/history`);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().message).toMatch(/^history: only JOR's /);
    expect((await send(s.viewer, 'GET', `/api/periods/${period.id}/rows/999999/history`)).statusCode).toBe(
      404,
    );
  });
});
