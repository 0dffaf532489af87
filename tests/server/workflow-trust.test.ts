import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { WHO_REGIONS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn } from './support/auth';
import { followTracssQuestions, jordanPlanId } from './support/plans';
import { addPeriod, as, auditRows } from './support/workflow';

/*
 * Trust in the workflow: national reporting never changes a published round; a submitted period is
 * locked until it is returned, so the approval is of what was submitted; four eyes by default.
 */
let database: Database;
let app: FastifyInstance;
let single: FastifyInstance;
const s = {} as Record<'focal' | 'validator' | 'both' | 'validator2', Session>;
let planId = 0;
const now = () => new Date('2021-04-15T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  // A small team's deployment: one person may enter, submit and approve (APPROVAL_FOUR_EYES=false).
  single = await buildApp({ database, now, fourEyes: false });
  await Promise.all([app.ready(), single.ready()]);
  await makeUser(database, 'wt-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'wt-val@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'wt-val2@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'wt-both@example.org', [role('focal_point', 'JOR'), role('validator', 'JOR')]);
  s.focal = await signIn(app, 'wt-focal@example.org');
  s.validator = await signIn(app, 'wt-val@example.org');
  s.validator2 = await signIn(app, 'wt-val2@example.org');
  s.both = await signIn(app, 'wt-both@example.org');
  planId = await jordanPlanId(database);
  // Jordan reports on TrACSS questions 7.4 and 9.1 through its own indicators (its shipped plan follows
  // none: the test links them, as a focal point would).
  await followTracssQuestions(database, planId, [{ code: '7.4' }, { code: '9.1' }]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await single?.close();
  await database?.close();
});

const LEVEL = (code: string, year: number) => `/api/values/JOR/national-jor/tracss-2019-2020:${code}/${year}`;
const putLevel = (who: Session, code: string, year: number, level: string, version?: number, on = app) =>
  as(on, who, 'PUT', LEVEL(code, year), {
    status: 'reported',
    value: { type: 'level', level },
    ...(version ? { version } : {}),
  });
const versionOf = async (periodId: number, on = app, who = s.focal) =>
  (await as(on, who, 'GET', `/api/periods/${periodId}/entry`)).json().period.submission.version as number;
const step = async (who: Session, periodId: number, t: string, extra: object = {}, on = app) =>
  as(on, who, 'POST', `/api/periods/${periodId}/${t}`, { version: await versionOf(periodId, on), ...extra });

/** The round's published statistics: every aggregate row, and Jordan's published answers. */
async function publishedState() {
  const aggregates = await database.rows(sql`
    select a.* from compare_aggregates a join periods p on p.id = a.period_id
    where p.framework_code = 'tracss-2019-2020' order by 1, 2, 3, 4`);
  const jordan = (
    await app.inject({ url: '/api/values?country=JOR&framework=tracss-2019-2020&limit=1000' })
  ).json().items;
  const regions = [];
  for (const r of WHO_REGIONS) {
    const res = await app.inject({
      url: `/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=${r}`,
    });
    regions.push(res.json().indicators.map((i: { code: string; stats: object }) => [i.code, i.stats]));
  }
  return { aggregates, jordan, regions };
}

describe('national reporting never changes a published round', () => {
  it('after a full walk through the workflow, the A–E distributions of every WHO region are the same', async () => {
    const before = await publishedState();
    const period = await addPeriod(app, s.focal, planId, 2020, '2021-03-31');
    // Jordan's own assessment differs from its published answers (9.1: C, 7.4: E).
    expect((await putLevel(s.focal, '9.1', 2020, 'A')).statusCode).toBe(201);
    expect((await putLevel(s.focal, '7.4', 2020, 'B')).statusCode).toBe(201);
    expect((await step(s.focal, period.id, 'submit')).statusCode).toBe(200);
    const approved = await step(s.validator, period.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await publishedState()).toEqual(before);

    // Side by side, each labelled: the round's published answer and Jordan's approved national report.
    const published = before.jordan.find((v: { indicatorCode: string }) => v.indicatorCode === '9.1');
    expect(published).toMatchObject({ level: 'C', source: 'published', periodCode: '2019-2020' });
    const reports = (
      await app.inject({ url: '/api/countries/JOR/national-reports?framework=tracss-2019-2020' })
    ).json();
    expect(reports.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          questionCode: '9.1',
          level: 'A',
          periodCode: '2020',
          source: 'national_approved',
        }),
        expect.objectContaining({
          questionCode: '7.4',
          level: 'B',
          periodCode: '2020',
          source: 'national_approved',
        }),
      ]),
    );
    // Comparisons use published data unless asked for national reports, and say which.
    const compare = (source: string) =>
      app
        .inject({
          url: `/api/compare?framework=tracss-2019-2020&country=JOR&groupType=who_region&source=${source}`,
        })
        .then((r) => r.json());
    const pub = await compare('published');
    const nat = await compare('national');
    expect([pub.source, nat.source]).toEqual(['published', 'national']);
    const row = (r: { rows: { indicator: { code: string }; countryLevel: string | null }[] }, code: string) =>
      r.rows.find((x) => x.indicator.code === code)?.countryLevel;
    expect([row(pub, '9.1'), row(nat, '9.1'), row(nat, '4.1')]).toEqual(['C', 'A', null]);
  });
});

describe('four eyes', () => {
  it('who submitted a period, or last changed one of its values, cannot approve it; another validator can', async () => {
    const period = await addPeriod(app, s.both, planId, 2021, '2022-03-31');
    expect((await putLevel(s.both, '9.1', 2021, 'C')).statusCode).toBe(201);
    expect((await step(s.both, period.id, 'submit')).statusCode).toBe(200);
    const own = await step(s.both, period.id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toMatch(
      /^approve: you submitted this period; another validator must approve it/,
    );
    // Returned, corrected by the focal point and resubmitted by them: the first validator's value stays.
    expect((await step(s.validator, period.id, 'return', { reason: 'Check 7.4' })).statusCode).toBe(200);
    expect((await putLevel(s.focal, '7.4', 2021, 'C')).statusCode).toBe(201);
    expect((await step(s.focal, period.id, 'submit')).statusCode).toBe(200);
    const changed = await step(s.both, period.id, 'approve');
    expect(changed.statusCode).toBe(403);
    expect(changed.json().message).toMatch(/^approve: you last changed one of its values/);
    const other = await step(s.validator2, period.id, 'approve');
    expect(other.statusCode, other.body).toBe(200);
    const [last] = (await auditRows(database, 'submission', other.json().submission.id)).slice(-1);
    expect(last?.new).toMatchObject({ state: 'approved', fourEyes: true, selfApproved: false });
  });

  it('a deployment that allows a single-person workflow lets them approve, and the audit says so', async () => {
    const period = await addPeriod(single, s.both, planId, 2022, '2023-03-31');
    expect((await putLevel(s.both, '9.1', 2022, 'D', undefined, single)).statusCode).toBe(201);
    expect((await step(s.both, period.id, 'submit', {}, single)).statusCode).toBe(200);
    const approved = await step(s.both, period.id, 'approve', {}, single);
    expect(approved.statusCode, approved.body).toBe(200);
    const [last] = (await auditRows(database, 'submission', approved.json().submission.id)).slice(-1);
    expect(last?.new).toMatchObject({ state: 'approved', fourEyes: false, selfApproved: true });
  });
});

describe('a submitted period is locked; the approval is of what was submitted', () => {
  it('in 15 races of a write against a submission and against an approval, no write lands after the submission', async () => {
    const period = await addPeriod(app, s.focal, planId, 2019, '2020-03-31');
    const first = await putLevel(s.focal, '9.1', 2019, 'A');
    expect(first.statusCode).toBe(201);
    let version = first.json().version as number;
    const valueId = async () =>
      (
        await database.rows<{ id: number }>(sql`
          select v.id from indicator_values v join indicators i on i.id = v.indicator_id
          join periods p on p.id = v.period_id
          where v.country_iso3 = 'JOR' and i.code = 'tracss-2019-2020:9.1' and p.code = '2019'
            and p.framework_code = 'national-jor'`)
      )[0]?.id as number;
    const id = await valueId();
    const outcomes = { writeBeforeSubmit: 0, writeRefused: 0 };
    for (let i = 0; i < 15; i++) {
      const level = 'ABCDE'[i % 5] as string;
      const submission = await versionOf(period.id);
      // A write against the submission: it lands before it (and is submitted) or is refused.
      const [write, submit] = await Promise.all([
        putLevel(s.focal, '9.1', 2019, level, version),
        as(app, s.focal, 'POST', `/api/periods/${period.id}/submit`, { version: submission }),
      ]);
      expect(submit.statusCode, submit.body).toBe(200);
      if (write.statusCode === 200) {
        outcomes.writeBeforeSubmit += 1;
        version = write.json().version;
      } else {
        expect(write.statusCode, write.body).toBe(409);
        outcomes.writeRefused += 1;
      }
      // A write against the approval of that submission: always refused, the period is locked.
      const [late, approve] = await Promise.all([
        putLevel(s.focal, '9.1', 2019, 'E', version),
        as(app, s.validator, 'POST', `/api/periods/${period.id}/approve`, {
          version: submit.json().submission.version,
        }),
      ]);
      expect(approve.statusCode, approve.body).toBe(200);
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toMatch(/^lock: JOR 2019 of ".*" was (submitted|approved)/);
      // No change of the value after the submission that was approved.
      const [{ valueAudit, submitAudit }] = (await database.rows<{
        valueAudit: number;
        submitAudit: number;
      }>(sql`
        select (select max(id) from audit_log where entity_type = 'value' and entity_id = ${String(id)})::int as "valueAudit",
               (select max(id) from audit_log where entity_type = 'submission' and action = 'submit')::int as "submitAudit"`)) as [
        { valueAudit: number; submitAudit: number },
      ];
      expect(valueAudit).toBeLessThan(submitAudit);
      expect((await step(s.validator, period.id, 'reopen', { reason: `round ${i}` })).statusCode).toBe(200);
    }
    // Both orders happened at least once on a server that runs them concurrently (on PGlite, one
    // connection serialises them: whichever comes first wins, as it should).
    expect(outcomes.writeBeforeSubmit + outcomes.writeRefused).toBe(15);
  });
});
