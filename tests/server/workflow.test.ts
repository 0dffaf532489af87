import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn } from './support/auth';
import { jordanTestPlan, makePlan } from './support/plans';
import { addNationalIndicator, addPeriod, as, auditRows, workflowCounts } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'admin' | 'focal' | 'focal2' | 'validator' | 'validatorSyr' | 'focalSyr', Session>;
const ids = { focal: 0, focal2: 0, validator: 0 };
let planId = 0;
let periodId = 0;
// The clock: 15 April 2021, after the 2020 report was due (31 March).
const now = () => new Date('2021-04-15T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'wf-admin@example.org', [role('admin')]);
  ids.focal = (await makeUser(database, 'wf-focal@example.org', [role('focal_point', 'JOR')])).id;
  ids.focal2 = (await makeUser(database, 'wf-focal2@example.org', [role('focal_point', 'JOR')])).id;
  ids.validator = (await makeUser(database, 'wf-val@example.org', [role('validator', 'JOR')])).id;
  await makeUser(database, 'wf-val-syr@example.org', [role('validator', 'SYR')]);
  await makeUser(database, 'wf-focal-syr@example.org', [role('focal_point', 'SYR')]);
  for (const [k, email] of Object.entries({
    admin: 'wf-admin',
    focal: 'wf-focal',
    focal2: 'wf-focal2',
    validator: 'wf-val',
    validatorSyr: 'wf-val-syr',
    focalSyr: 'wf-focal-syr',
  }))
    s[k as keyof typeof s] = await signIn(app, `${email}@example.org`);
  // A plan of Jordan's own for the test (the shipped one has the M&E plan's ~100 rows), following 7.4 and 9.1.
  planId = await jordanTestPlan(database);
  await addNationalIndicator(app, s.focal, planId, 'WF-PCT', 'percentage');
  await addNationalIndicator(app, s.focal, planId, 'WF-RATIO', 'ratio');
  periodId = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const grid = async (who: Session = s.focal) => {
  const res = await as(app, who, 'GET', `/api/periods/${periodId}/entry`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const step = (who: Session, t: string, body: object) =>
  as(app, who, 'POST', `/api/periods/${periodId}/${t}`, body);
const putPct = (who: Session, percentage: number, version?: number) =>
  as(app, who, 'PUT', '/api/values/JOR/national-jor/WF-PCT/2020', {
    status: 'reported',
    value: { type: 'percentage', percentage },
    ...(version ? { version } : {}),
  });
const notices = async (who: Session) => (await as(app, who, 'GET', '/api/notifications')).json();

describe('a period from empty to approved, with a return and a resubmission', () => {
  it('walks the workflow, audits each step, notifies the focal points and locks approved data', async () => {
    const empty = await grid();
    expect(empty.period).toMatchObject({ code: '2020', dueState: 'overdue', submission: { state: 'draft' } });
    const codes = empty.rows.map((r: { indicator: { code: string } }) => r.indicator.code);
    expect([...codes].sort()).toEqual(['WF-PCT', 'WF-RATIO', 'tracss-2019-2020:7.4', 'tracss-2019-2020:9.1']);
    // Every row is Jordan's own data, in its national period 2020: the TrACSS questions too, through
    // Jordan's indicators that follow them. The round's published answer is shown beside, for reference.
    const row = (code: string) =>
      empty.rows.find((r: { indicator: { code: string } }) => r.indicator.code === code);
    expect([row('tracss-2019-2020:7.4').frameworkPeriodCode, row('WF-PCT').frameworkPeriodCode]).toEqual([
      '2020',
      '2020',
    ]);
    expect(row('tracss-2019-2020:7.4')).toMatchObject({
      value: null,
      published: {
        frameworkCode: 'tracss-2019-2020',
        indicatorCode: '7.4',
        periodCode: '2019-2020',
        source: 'published',
      },
    });
    expect(empty.completeness).toEqual({ expected: 4, entered: 0 });

    expect((await putPct(s.focal, 40)).statusCode).toBe(201);
    const ratio = await as(app, s.focal, 'PUT', '/api/values/JOR/national-jor/WF-RATIO/2020', {
      status: 'no_data',
      reason: 'Survey postponed to 2021',
      comment: 'Ministry letter attached',
      evidence: [{ url: 'https://example.org/letter.pdf', title: 'Letter of postponement' }],
    });
    expect(ratio.statusCode, ratio.body).toBe(201);
    expect(ratio.json()).toMatchObject({
      statusReason: 'Survey postponed to 2021',
      comment: 'Ministry letter attached',
      evidence: [{ title: 'Letter of postponement' }],
      updatedBy: { id: ids.focal },
    });

    let version = (await grid()).period.submission.version;
    const submitted = await step(s.focal, 'submit', { version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      dueState: 'submitted',
      submission: { submitted: { by: { id: ids.focal } } },
    });
    version = submitted.json().submission.version;

    const noReason = await step(s.validator, 'return', { version, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/^body\.reason: is required/);
    const returned = await step(s.validator, 'return', { version, reason: 'The percentage looks too low' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().submission).toMatchObject({
      state: 'returned',
      reason: 'The percentage looks too low',
    });
    // Both Jordan focal points are told, with the reason; the validator is not. The notice is a code
    // and parameters (worded in each reader's language by the client), with its English copy.
    for (const who of [s.focal, s.focal2])
      expect((await notices(who)).items[0]).toMatchObject({
        kind: 'returned',
        periodId,
        code: 'period_returned',
        params: {
          country: 'JOR',
          countryName: 'Jordan',
          period: '2020',
          actor: expect.any(String),
          reason: 'The percentage looks too low',
        },
        message: expect.stringMatching(
          /^Period 2020 \(.+\), Jordan: returned for correction by .+\. Reason: The percentage looks too low$/,
        ),
      });
    expect((await notices(s.validator)).items).toEqual([]);

    const fixed = await putPct(s.focal, 64, 1);
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resubmitted = await step(s.focal, 'submit', { version: returned.json().submission.version });
    expect(resubmitted.statusCode).toBe(200);
    // Submitted: locked for writers until a validator returns it, so the approval is of what was submitted.
    const whileSubmitted = await putPct(s.focal, 65, 2);
    expect(whileSubmitted.statusCode).toBe(409);
    expect(whileSubmitted.json().message).toMatch(
      /^lock: JOR 2020 of ".*" was submitted for approval by wf-focal on 2021-04-15; .* until a validator returns it$/,
    );
    // Its own code: a value queued offline that meets it is kept aside, and the grid says why in words.
    expect(whileSubmitted.json()).toMatchObject({ code: 'locked', params: { state: 'submitted' } });
    expect((await grid()).locked).toBe(true);
    const approved = await step(s.validator, 'approve', { version: resubmitted.json().submission.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().submission).toMatchObject({
      state: 'approved',
      approved: { by: { id: ids.validator } },
    });
    expect((await notices(s.focal)).items[0]).toMatchObject({ kind: 'approved' });
    expect((await notices(s.focal)).unread).toBe(2);

    // Locked: every value of the period, until a validator reopens.
    const locked = await putPct(s.focal, 70, 2);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/^lock: JOR 2020 of ".*" was approved on 2021-04-15/);
    expect(locked.json()).toMatchObject({ code: 'locked', params: { state: 'approved' } });
    const followed = await as(app, s.admin, 'PUT', '/api/values/JOR/national-jor/tracss-2019-2020:7.4/2020', {
      status: 'not_applicable',
      reason: 'x',
    });
    expect(followed.statusCode).toBe(409);
    expect((await grid()).locked).toBe(true);

    const reopened = await step(s.validator, 'reopen', {
      version: approved.json().submission.version,
      reason: 'A late correction',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({
      dueState: 'overdue',
      submission: { state: 'draft', reason: 'A late correction' },
    });
    expect((await putPct(s.focal, 70, 2)).statusCode).toBe(200);
    // Reopening tells the focal points too, with its reason.
    expect((await notices(s.focal)).items[0]).toMatchObject({
      kind: 'reopened',
      code: 'period_reopened',
      params: { reason: 'A late correction' },
    });
    // A notice from before codes (no code, no parameters) is still listed with its stored text.
    const [focalRow] = await database.rows<{ id: number }>(
      sql`select id from users where email = 'wf-focal@example.org'`,
    );
    const submissionId = (await grid()).period.submission.id;
    await database.rows(sql`insert into notifications (user_id, kind, submission_id, message, created_at)
      values (${focalRow?.id}, 'approved', ${submissionId}, 'JOR, 2019 (plan) was approved by someone.', now())`);
    expect((await notices(s.focal)).items[0]).toMatchObject({
      kind: 'approved',
      code: null,
      params: null,
      message: 'JOR, 2019 (plan) was approved by someone.',
    });

    const submission = (await grid()).period.submission.id;
    const trail = await auditRows(database, 'submission', submission);
    expect(trail.map((t) => [t.action, t.old?.state, t.new?.state])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['submit', 'returned', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['reopen', 'approved', 'draft'],
    ]);
    expect(trail[4]).toMatchObject({ user_id: ids.validator, new: { reason: 'A late correction' } });
    expect((await grid()).history.map((h: { action: string }) => h.action)).toEqual([
      'reopen',
      'approve',
      'submit',
      'return',
      'submit',
    ]);
    const [valueRow] = await database.rows<{ id: number }>(sql`
      select v.id from indicator_values v join indicators i on i.id = v.indicator_id
      where i.framework_code = 'national-jor' and i.code = 'WF-PCT'`);
    const valueTrail = await auditRows(database, 'value', valueRow?.id as number);
    expect(valueTrail.map((t) => [t.action, t.old?.numericValue ?? null, t.new?.numericValue])).toEqual([
      ['create', null, 40],
      ['update', 40, 64],
      ['update', 64, 70],
    ]);
  });
});

describe('who may take each step', () => {
  it('a Jordan focal point cannot submit Syria; focal points cannot approve; another country’s validator cannot', async () => {
    const syr = await makePlan(database, 'SYR');
    const syrPeriod = await addPeriod(app, s.admin, syr.planId, 2021, '2022-03-31');
    const before = await workflowCounts(database);
    const jorOnSyr = await as(app, s.focal, 'POST', `/api/periods/${syrPeriod.id}/submit`, { version: 1 });
    expect(jorOnSyr.statusCode).toBe(403);
    expect(jorOnSyr.json().message).toBe('country: you may not submit the data of SYR');
    const current = (await grid()).period.submission.version;
    expect((await step(s.focal, 'submit', { version: current })).statusCode).toBe(200);
    const after = (await grid()).period.submission.version;
    expect((await step(s.focal, 'approve', { version: after })).statusCode).toBe(403);
    const other = await step(s.validatorSyr, 'approve', { version: after });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe('country: you may not validate the data of JOR');
    expect((await step(s.validatorSyr, 'return', { version: after, reason: 'no' })).statusCode).toBe(403);
    // Validators do not submit; a stale version or a wrong state is a 409 naming it.
    expect((await step(s.validator, 'submit', { version: after })).statusCode).toBe(403);
    const stale = await step(s.validator, 'approve', { version: after - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^version: stale/);
    const wrong = await step(s.validator, 'reopen', { version: after, reason: 'r' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().message).toBe('state: the submission is submitted; reopen needs it approved');
    const counts = await workflowCounts(database);
    expect(counts?.submission_versions).toBe((before?.submission_versions ?? 0) + 1); // only the one submit
    expect(
      (await step(s.validator, 'return', { version: after, reason: 'Back to draft for the next test' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('bad input', () => {
  it('is refused naming the field, and nothing is written in part', async () => {
    const before = await workflowCounts(database);
    const cases: [string, string, object, RegExp][] = [
      [
        'PUT',
        '/api/values/JOR/national-jor/WF-PCT/2020',
        { status: 'reported', value: { type: 'percentage', percentage: 101 }, version: 3 },
        /^body\.value\.percentage/,
      ],
      [
        'PUT',
        '/api/values/JOR/national-jor/WF-PCT/2020',
        {
          status: 'reported',
          value: { type: 'percentage', percentage: 50 },
          version: 3,
          evidence: [{ url: 'javascript:alert(1)', title: 'x' }],
        },
        /^body\.evidence\.0\.url/,
      ],
      [
        'PUT',
        '/api/values/JOR/national-jor/WF-PCT/2020',
        {
          status: 'reported',
          value: { type: 'percentage', percentage: 50 },
          version: 3,
          comment: 'x'.repeat(2001),
        },
        /^body\.comment/,
      ],
      [
        'PUT',
        '/api/values/JOR/national-jor/WF-RATIO/2020',
        { status: 'reported', value: { type: 'ratio', numerator: 1, denominator: 0 }, version: 1 },
        /^body\.value\.denominator: must not be 0/,
      ],
      [
        'POST',
        `/api/plans/${planId}/periods`,
        { kind: 'quarter', year: 2021, dueDate: '2021-05-01' },
        /^body\.quarter: is required/,
      ],
      [
        'POST',
        `/api/plans/${planId}/periods`,
        { kind: 'year', year: 2030, dueDate: '2031-01-01' },
        /^year: 2030 is outside the plan/,
      ],
      [
        'POST',
        `/api/plans/${planId}/periods`,
        { kind: 'year', year: 2021, dueDate: '2020-01-01' },
        /^dueDate: must not be before/,
      ],
      ['POST', `/api/periods/${periodId}/return`, { version: 1 }, /^body\.reason/],
    ];
    for (const [method, url, payload, message] of cases) {
      const res = await as(app, s.focal, method as 'PUT', url, payload);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect(await workflowCounts(database)).toEqual(before);
  });
});

describe('two clients edit the same value', () => {
  it('the second gets 409 with the current value and who changed it; retrying from it loses nothing', async () => {
    const read = (await grid()).rows.find(
      (r: { indicator: { code: string } }) => r.indicator.code === 'WF-PCT',
    ).value;
    const [a, b] = await Promise.all([putPct(s.focal, 81, read.version), putPct(s.focal2, 82, read.version)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().message).toMatch(
      /^version: stale \(you sent \d+, the value is at \d+, changed by wf-focal2? at /,
    );
    expect(lost.json().current).toMatchObject({
      numericValue: won.json().numericValue,
      version: won.json().version,
      updatedBy: { name: won.json().updatedBy.name },
    });
    // The loser re-applies their edit on the current version: both edits are in the audit trail.
    const loserValue = won.json().numericValue === 81 ? 82 : 81;
    const loser = won.json().updatedBy.id === ids.focal ? s.focal2 : s.focal;
    const retry = await putPct(loser, loserValue, lost.json().current.version);
    expect(retry.statusCode).toBe(200);
    const [row] = await database.rows<{ id: number }>(sql`
      select v.id from indicator_values v join indicators i on i.id = v.indicator_id where i.code = 'WF-PCT'`);
    const trail = (await auditRows(database, 'value', row?.id as number)).slice(-2);
    expect(trail.map((t) => t.new?.numericValue)).toEqual([won.json().numericValue, loserValue]);
  });
});

describe('what is due', () => {
  it('lists the focal point’s periods with their state and completeness; facilitators see every country', async () => {
    const due = (await as(app, s.focal, 'GET', '/api/due')).json();
    expect(due.items).toEqual([
      expect.objectContaining({
        countryIso3: 'JOR',
        periodCode: '2020',
        state: 'returned',
        expected: 4,
        entered: 2,
      }),
    ]);
    expect(due.completeness).toEqual([]);
    const syr = (await as(app, s.validatorSyr, 'GET', '/api/due')).json();
    expect(syr.items).toEqual([expect.objectContaining({ countryIso3: 'SYR', state: 'due', expected: 0 })]);
    const all = (await as(app, s.admin, 'GET', '/api/due')).json();
    expect(all.completeness.map((c: { countryIso3: string }) => c.countryIso3)).toEqual(['JOR', 'SYR']);
  });
});
