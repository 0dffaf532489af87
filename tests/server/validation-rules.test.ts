import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanTestPlan } from './support/plans';
import { addPeriod, as, auditRows } from './support/workflow';

/** Validation rules of plan indicators: stored, checked, applied on submit; validator comments. */
let database: Database;
let app: FastifyInstance;
const s = {} as Record<'admin' | 'focal' | 'validator' | 'validatorSyr', Session>;
let planId = 0;
const period = { y2019: 0, y2020: 0 };
const now = () => new Date('2021-04-15T10:00:00Z');

type Row = { planIndicatorId: number; indicator: { code: string }; [k: string]: unknown };

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'vr-admin@example.org', [role('admin')]);
  await makeUser(database, 'vr-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'vr-val@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'vr-val-syr@example.org', [role('validator', 'SYR')]);
  s.admin = await signIn(app, 'vr-admin@example.org');
  s.focal = await signIn(app, 'vr-focal@example.org');
  s.validator = await signIn(app, 'vr-val@example.org');
  s.validatorSyr = await signIn(app, 'vr-val-syr@example.org');
  planId = await jordanTestPlan(database);
  period.y2019 = (await addPeriod(app, s.focal, planId, 2019, '2020-03-31')).id;
  period.y2020 = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const addIndicator = (code: string, measureType: string, rules: object | null | undefined) =>
  as(app, s.focal, 'POST', `/api/plans/${planId}/indicators`, {
    indicator: { kind: 'national', code, name: `Rules ${measureType}`, measureType },
    direction: 'increase',
    ...(rules !== undefined ? { rules } : {}),
  });
const planIndicators = async () =>
  (await as(app, s.focal, 'GET', `/api/plans/${planId}`)).json().indicators as {
    id: number;
    version: number;
    indicator: { code: string };
    rules: unknown;
  }[];
const planIndicator = async (code: string) => {
  const found = (await planIndicators()).find((i) => i.indicator.code === code);
  if (!found) throw new Error(`no plan indicator ${code}`);
  return found;
};
const grid = async (periodId: number, who: Session = s.focal) => {
  const res = await as(app, who, 'GET', `/api/periods/${periodId}/entry`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; period: { submission: { version: number; state: string } } };
};
const rowOf = (g: { rows: Row[] }, code: string) => g.rows.find((r) => r.indicator.code === code) as Row;
const put = (code: string, periodCode: string, value: object, extra: object = {}) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/${periodCode}`, {
    status: 'reported',
    value,
    ...extra,
  });
const patch = (url: string, payload: object) =>
  app.inject(withCredential({ session: s.focal }, { method: 'PATCH', url, payload }));
const versionOf = async (periodId: number) => (await grid(periodId)).period.submission.version;

describe('rules are stored with the plan indicator and checked against its type', () => {
  it('stores min/max and a jump threshold, returns them in the plan and the grid', async () => {
    const pct = await addIndicator('RV-PCT', 'percentage', { min: 10, max: 90 });
    expect(pct.statusCode, pct.body).toBe(201);
    const cnt = await addIndicator('RV-CNT', 'count', { jumpPercent: 50 });
    expect(cnt.statusCode, cnt.body).toBe(201);
    expect((await planIndicator('RV-PCT')).rules).toEqual({ min: 10, max: 90, jumpPercent: null });
    expect((await planIndicator('RV-CNT')).rules).toEqual({ min: null, max: null, jumpPercent: 50 });
    // An indicator without rules says so.
    expect((await planIndicator('tracss-2019-2020:7.4')).rules).toBeNull();
    const g = await grid(period.y2020);
    expect(rowOf(g, 'RV-PCT').rules).toEqual({ min: 10, max: 90, jumpPercent: null });
  });

  it('refuses rules outside the natural bounds, min above max, rules on a non-numeric type; nothing written', async () => {
    const before = (await planIndicators()).length;
    const over = await addIndicator('RV-BAD1', 'percentage', { max: 140 });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toMatch(/rules\.max: must be at most 100 for a percentage indicator/);
    const crossed = await addIndicator('RV-BAD2', 'number', { min: 5, max: 1 });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().message).toMatch(/rules\.max: must not be below min \(5\)/);
    const negative = await addIndicator('RV-BAD3', 'count', { min: -2 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toMatch(/rules\.min: must be at least 0 for a count indicator/);
    // A level question followed from TrACSS: its measure type is known to the server only.
    const level = await as(app, s.focal, 'POST', `/api/plans/${planId}/indicators`, {
      indicator: { kind: 'framework', framework: 'tracss-2019-2020', code: '4.1' },
      direction: 'increase',
      rules: { min: 1 },
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().issues).toEqual([
      {
        path: 'body.rules.min',
        message: 'validation rules apply to number, count, percentage and ratio indicators, not to level',
        code: 'invalid',
      },
    ]);
    expect((await planIndicators()).length).toBe(before);
  });

  it('changes and clears rules with PATCH, audited; refuses a change outside the bounds', async () => {
    const pi = await planIndicator('RV-PCT');
    const bad = await patch(`/api/plans/${planId}/indicators/${pi.id}`, {
      rules: { min: -1 },
      version: pi.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/body\.rules\.min: must be at least 0/);
    const cleared = await patch(`/api/plans/${planId}/indicators/${pi.id}`, {
      rules: null,
      version: pi.version,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await planIndicator('RV-PCT')).rules).toBeNull();
    const again = await planIndicator('RV-PCT');
    const set = await patch(`/api/plans/${planId}/indicators/${pi.id}`, {
      rules: { min: 10, max: 90 },
      version: again.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    const audit = await auditRows(database, 'plan_indicator', pi.id);
    expect(audit.at(-1)?.old).toMatchObject({ ruleMin: null, ruleMax: null });
    expect(audit.at(-1)?.new).toMatchObject({ ruleMin: 10, ruleMax: 90 });
  });
});

describe('submitting under the rules', () => {
  it('saves an out-of-range value as a draft but refuses the submit, naming each indicator and rule', async () => {
    // 2019: the count the 2020 jump is measured against.
    expect((await put('RV-CNT', '2019', { type: 'count', count: 40 })).statusCode).toBe(201);
    // Nothing typed is lost: the save itself is accepted.
    expect((await put('RV-PCT', '2020', { type: 'percentage', percentage: 95 })).statusCode).toBe(201);
    expect((await put('RV-CNT', '2020', { type: 'count', count: 90 })).statusCode).toBe(201);

    const g = await grid(period.y2020);
    expect(rowOf(g, 'RV-CNT').jumpBase).toEqual({ periodCode: '2019', value: 40 });
    // 2019 is the plan's first year period: nothing to measure a jump against.
    expect(rowOf(await grid(period.y2019), 'RV-CNT').jumpBase).toBeNull();

    const version = g.period.submission.version;
    const refused = await as(app, s.focal, 'POST', `/api/periods/${period.y2020}/submit`, { version });
    expect(refused.statusCode).toBe(400);
    const body = refused.json();
    expect(body.message).toMatch(/^submit: 2 values break the plan's validation rules/);
    expect(body.issues).toEqual([
      {
        path: 'rows.RV-PCT.value',
        message:
          'indicator RV-PCT (Rules percentage), rule max: 95 is above the maximum 90 set for this indicator',
        code: 'too_big',
        params: { indicator: 'RV-PCT', max: 90, inclusive: true },
      },
      {
        path: 'rows.RV-CNT.comment',
        message:
          'indicator RV-CNT (Rules count), rule jump: 90 changes by +125 % against 40 in 2019 (more than ±50 %); ' +
          'explain it in a comment on the value before submitting',
        code: 'rule_jump',
        params: { indicator: 'RV-CNT', changePercent: 125, limit: 50 },
      },
    ]);
    const after = await grid(period.y2020);
    expect(after.period.submission).toMatchObject({ state: 'draft', version });
  });

  it('refuses a jump without comment alone, then submits once it is explained and the value in range', async () => {
    const g = await grid(period.y2020);
    const pct = rowOf(g, 'RV-PCT').value as { version: number };
    expect(
      (await put('RV-PCT', '2020', { type: 'percentage', percentage: 50 }, { version: pct.version }))
        .statusCode,
    ).toBe(200);
    const refused = await as(app, s.focal, 'POST', `/api/periods/${period.y2020}/submit`, {
      version: g.period.submission.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual(['rows.RV-CNT.comment']);
    expect(refused.json().message).toMatch(/RV-CNT/);

    const cnt = rowOf(g, 'RV-CNT').value as { version: number };
    const commented = await put(
      'RV-CNT',
      '2020',
      { type: 'count', count: 90 },
      { version: cnt.version, comment: 'Two new regional laboratories joined the network' },
    );
    expect(commented.statusCode, commented.body).toBe(200);
    const ok = await as(app, s.focal, 'POST', `/api/periods/${period.y2020}/submit`, {
      version: await versionOf(period.y2020),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().submission.state).toBe('submitted');
  });
});

describe('validator comments on a value', () => {
  const url = async (code: string) =>
    `/api/periods/${period.y2020}/rows/${(await planIndicator(code)).id}/validator-comment`;

  it('refuses focal points and another country’s validators; nothing written', async () => {
    const [row] = await database.rows<{ n: number }>(sql`select count(*)::int as n from value_comments`);
    const focal = await as(app, s.focal, 'POST', await url('RV-CNT'), { comment: 'Looks fine' });
    expect(focal.statusCode).toBe(403);
    expect(focal.json().message).toMatch(/^country: you may not validate the data of JOR/);
    const syr = await as(app, s.validatorSyr, 'POST', await url('RV-CNT'), { comment: 'Looks fine' });
    expect(syr.statusCode).toBe(403);
    const [after] = await database.rows<{ n: number }>(sql`select count(*)::int as n from value_comments`);
    expect(after?.n).toBe(row?.n);
  });

  it('lets the country’s validator comment while submitted: stored, audited, in the grid and the history', async () => {
    const empty = await as(app, s.validator, 'POST', await url('RV-CNT'), { comment: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/^body\.comment: is required/);
    const res = await as(app, s.validator, 'POST', await url('RV-CNT'), {
      comment: 'Which laboratories? Name them in the evidence.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      body: 'Which laboratories? Name them in the evidence.',
      by: { name: expect.any(String) },
      at: '2021-04-15T10:00:00.000Z',
    });

    const row = rowOf(await grid(period.y2020, s.focal), 'RV-CNT');
    expect(row.validatorComment).toMatchObject({ body: 'Which laboratories? Name them in the evidence.' });
    // The focal point's own comment is still the value's comment.
    expect((row.value as { comment: string }).comment).toBe(
      'Two new regional laboratories joined the network',
    );
    // The public does not see comments on unapproved data.
    const anonymous = await app.inject({ url: `/api/periods/${period.y2020}/entry` });
    if (anonymous.statusCode === 200)
      for (const r of anonymous.json().rows as Row[]) expect(r.validatorComment ?? null).toBeNull();

    const history = await as(app, s.focal, 'GET', `/api/periods/${period.y2020}/history`);
    // The period's history says it in typed fields: the indicator, the validator's comment, who.
    expect(history.json().items[0]).toMatchObject({
      user: { name: expect.any(String) },
      event: {
        kind: 'value',
        indicator: { code: 'RV-CNT' },
        changes: [
          {
            field: 'validatorComment',
            from: { type: 'empty' },
            to: { type: 'text', text: 'Which laboratories? Name them in the evidence.' },
          },
        ],
      },
    });
  });

  it('refuses a comment when the period is not submitted (409) or the value does not exist', async () => {
    const noValue = await as(app, s.validator, 'POST', await url('tracss-2019-2020:7.4'), {
      comment: 'Missing?',
    });
    expect(noValue.statusCode).toBe(409);
    expect(noValue.json().message).toMatch(/^value: indicator tracss-2019-2020:7.4 has no value in 2020/);
    const returned = await as(app, s.validator, 'POST', `/api/periods/${period.y2020}/return`, {
      version: await versionOf(period.y2020),
      reason: 'See the comment on RV-CNT',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const late = await as(app, s.validator, 'POST', await url('RV-CNT'), { comment: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/^state: the submission is returned/);
  });
});
