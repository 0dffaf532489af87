import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { loadJordanPlan, readJordanPlanFiles } from '../../server/db/reference/jordan-plan';
import { ensureFollowingIndicator } from '../../server/modules/plans/write-repository';
import { openTestDatabase } from '../setup/test-db';

/*
 * A database loaded by an earlier version holds Jordan's plan with invented rows: activities titled
 * "Illustrative activity: …" (flagged illustrative), two TrACSS-following indicators with invented
 * targets, objectives with short titles of ours, codes SO1…SO5. Here such a database is rebuilt (as
 * the old loader left it, plus what users did with it: a demo period with a value on one of the
 * invented indicators, an activity a user added, a translation, an edit), then the loader runs.
 */

let database: Database;
const now = new Date('2026-01-10T09:00:00Z');
const LEGACY_NOTE =
  "Objectives and budget by objective (USD, total 7,594,700): Jordan NAP 2018–2022, chapter 5 (costing). Implementation rates by objective: end-term evaluation, Momani et al., BMC Public Health 2025;25:2718 (doi:10.1186/s12889-025-24073-5). Activities and their statuses are ILLUSTRATIVE: chosen so that the computed rates equal the published ones; they are not the plan's activities. See server/db/reference-data/jordan/SOURCE.md.";
const OLD_TITLES = [
  'Improve awareness and understanding of AMR',
  'Strengthen knowledge and evidence through surveillance',
  'Reduce the incidence of infection through infection prevention and control',
  'Optimise the use of antimicrobial medicines in human and animal health',
  'Research and innovation on AMR',
];

const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => database.rows<T>(q);
const one = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0] as T;
const load = () => database.db.transaction((tx) => loadJordanPlan(tx, { now }));

let ids: { plan: number; objectives: number[]; follower74: number; follower91: number; value: number };

/** What users entered, which the upgrade must leave exactly as it was. */
const userData = () =>
  rows(sql`
    select 'value' as kind, v.id::text as id, v.level || '/' || v.version as state from indicator_values v
      where v.country_iso3 = 'JOR' and v.indicator_id in (select id from indicators where framework_code = 'national-jor')
    union all select 'period', id::text, code || '/' || demo from plan_periods
    union all select 'submission', id::text, state || '/' || version from submissions
    order by 1, 2`);

beforeAll(async () => {
  database = await openTestDatabase();
  // The shipped plan goes, and the database is put back as the first versions left it.
  await database.db.execute(sql`delete from plans where country_iso3 = 'JOR'`);
  await database.db.execute(sql`delete from indicators where framework_code = 'national-jor'`);
  const plan = await one<{ id: number }>(sql`
    insert into plans (country_iso3, title, period_start, period_end, status, generation, source_note)
    values ('JOR', 'National Action Plan for Combating Antimicrobial Resistance in the Hashemite Kingdom of Jordan (2018–2022)',
            2018, 2022, 'closed', 1, ${LEGACY_NOTE}) returning id`);
  const budgets = [642_800, 599_400, 3_951_700, 2_108_700, 292_100];
  const objectives: number[] = [];
  for (const [i, title] of OLD_TITLES.entries()) {
    const o = await one<{ id: number }>(sql`
      insert into plan_objectives (plan_id, code, title, gap_objective, budget, currency, sort_order)
      values (${plan.id}, ${`SO${i + 1}`}, ${title}, ${i + 1}, ${budgets[i]}, 'USD', ${i + 1}) returning id`);
    objectives.push(o.id);
  }
  // Invented activities (one edited since by a focal point), and one a user added.
  await database.db.execute(sql`
    insert into plan_activities (objective_id, code, title, sectors, implementation_status, percent_complete, illustrative, version)
    values (${objectives[0]}, '1.1', 'Illustrative activity: national awareness campaign', '{human_health}', 'completed', 100, true, 1),
           (${objectives[0]}, '1.3', 'Illustrative activity: AMR training for veterinarians and farmers', '{terrestrial_animal_health}', 'ongoing', 35, true, 3),
           (${objectives[4]}, '5.1', 'Illustrative activity: national AMR research agenda', '{human_health}', 'not_started', 0, true, 1),
           (${objectives[1]}, 'U1', 'A surveillance workshop our team added', '{human_health}', 'completed', 100, false, 2)`);
  const invented = await one<{ id: number }>(sql`select id from plan_activities where code = '1.1'`);
  await database.db.execute(sql`
    insert into translations (entity_type, entity_id, field, locale, text)
    values ('activity', ${invented.id}, 'title', 'fr', 'Activité illustrative : campagne nationale')`);
  // The two invented plan indicators, following TrACSS 7.4 and 9.1, with invented targets.
  const q = async (code: string) =>
    (
      await one<{ id: number }>(
        sql`select id from indicators where framework_code = 'tracss-2019-2020' and code = ${code}`,
      )
    ).id;
  // (The question ids are read first: PGlite runs one statement at a time, so not inside the transaction.)
  const [q74, q91] = [await q('7.4'), await q('9.1')];
  const follower74 = await database.db.transaction((tx) => ensureFollowingIndicator(tx, 'JOR', q74));
  const follower91 = await database.db.transaction((tx) => ensureFollowingIndicator(tx, 'JOR', q91));
  for (const [i, f] of [follower74, follower91].entries()) {
    const pi = await one<{ id: number }>(sql`
      insert into plan_indicators (plan_id, objective_id, indicator_id, direction, result_level, sort_order, illustrative)
      values (${plan.id}, ${objectives[i === 0 ? 1 : 3]}, ${f}, 'increase', 'output', ${i + 1}, true) returning id`);
    await database.db.execute(
      sql`insert into plan_targets (plan_indicator_id, year, level, illustrative) values (${pi.id}, 2022, 'D', true)`,
    );
  }
  // The demo period, with a value the demo focal point entered on 9.1.
  const period = await one<{ id: number }>(sql`
    insert into plan_periods (plan_id, code, kind, start_date, end_date, due_date, demo)
    values (${plan.id}, '2020', 'year', '2020-01-01', '2020-12-31', '2021-03-31', true) returning id`);
  await database.db.execute(
    sql`insert into submissions (plan_period_id, country_iso3, state) values (${period.id}, 'JOR', 'draft')`,
  );
  await database.db.execute(sql`
    insert into periods (framework_code, code, label, start_date, end_date)
    values ('national-jor', '2020', '2020', '2020-01-01', '2020-12-31') on conflict do nothing`);
  const value = await one<{ id: number }>(sql`
    insert into indicator_values (country_iso3, indicator_id, period_id, status, level, version)
    select 'JOR', ${follower91}, id, 'reported', 'C', 2 from periods where framework_code = 'national-jor' and code = '2020'
    returning id`);
  ids = { plan: plan.id, objectives, follower74, follower91, value: value.id };
}, 120_000);
afterAll(async () => database?.close());

describe('loading the real plan over the invented one', () => {
  let before: Record<string, unknown>[];
  let result: Awaited<ReturnType<typeof load>>;

  beforeAll(async () => {
    before = await userData();
    result = await load();
  });

  it('removes the invented activities (audited with the whole row) and keeps the one a user added', async () => {
    expect(result).toMatchObject({ planId: ids.plan, created: false });
    expect(result.removed).toEqual({ activities: 3, targets: 2, indicators: 1, keptIndicators: 1 });
    expect(await rows(sql`select count(*)::int as n from plan_activities where illustrative`)).toEqual([
      { n: 0 },
    ]);
    expect(
      await rows(
        sql`select count(*)::int as n from plan_activities where title like 'Illustrative activity%'`,
      ),
    ).toEqual([{ n: 0 }]);
    const user = await rows(
      sql`select code, title, implementation_status as status from plan_activities where code = 'U1'`,
    );
    expect(user).toEqual([
      { code: 'U1', title: 'A surveillance workshop our team added', status: 'completed' },
    ]);
    const deleted = await rows<{ title: string; version: number; user_id: number | null }>(sql`
      select old->>'title' as title, (old->>'version')::int as version, user_id from audit_log
      where entity_type = 'plan_activity' and action = 'delete' order by id`);
    expect(deleted.map((d) => d.title)).toEqual([
      'Illustrative activity: national awareness campaign',
      'Illustrative activity: AMR training for veterinarians and farmers',
      'Illustrative activity: national AMR research agenda',
    ]);
    // The focal point's edit of an invented activity is in the audit row, nothing is lost.
    expect(deleted[1]?.version).toBe(3);
    expect(deleted.every((d) => d.user_id === null)).toBe(true);
    expect(
      await rows(sql`select count(*)::int as n from translations where entity_type = 'activity'`),
    ).toEqual([{ n: 0 }]);
  });

  it('removes the invented targets, and the invented indicator nobody reported on; keeps the one holding values', async () => {
    expect(await rows(sql`select count(*)::int as n from plan_targets`)).toEqual([{ n: 0 }]);
    const followers = await rows(sql`
      select i.code, pi.illustrative, pi.version from plan_indicators pi join indicators i on i.id = pi.indicator_id
      where i.follows_indicator_id is not null order by i.code`);
    // 7.4 had no value: removed. 9.1 holds the demo period's value: kept, no longer flagged, no target.
    expect(followers).toEqual([{ code: 'tracss-2019-2020:9.1', illustrative: false, version: 2 }]);
    const audit = await rows<{ action: string; indicator: string }>(sql`
      select action, old->>'indicator' as indicator from audit_log where entity_type = 'plan_indicator' order by id`);
    expect(audit).toEqual([
      { action: 'delete', indicator: 'national-jor tracss-2019-2020:7.4' },
      { action: 'update', indicator: 'national-jor tracss-2019-2020:9.1' },
    ]);
  });

  it('touches no value, period or submission', async () => {
    expect(await userData()).toEqual(before);
    expect(before.map((r) => r.kind)).toEqual(['period', 'submission', 'value']);
    const [v] = await rows(sql`select id, level, version from indicator_values where id = ${ids.value}`);
    expect(v).toEqual({ id: ids.value, level: 'C', version: 2 });
  });

  it('gives the objectives the plan’s codes and wording in place, with the published rates and budgets by year', async () => {
    const objectives = await rows<{ id: number; code: string; title: string; rate: string | null }>(sql`
      select id, code, title, published_rate::text as rate from plan_objectives where plan_id = ${ids.plan} order by sort_order`);
    expect(objectives.map((o) => o.id)).toEqual(ids.objectives);
    expect(objectives.map((o) => o.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(objectives.map((o) => o.rate)).toEqual(['47.0', '56.0', '63.0', '69.0', null]);
    expect(objectives[1]?.title).toBe(
      'Strengthen the knowledge and evidence base through surveillance and research',
    );
    for (const t of OLD_TITLES) expect(objectives.map((o) => o.title)).not.toContain(t);
    expect(await rows(sql`select count(*)::int as n from plan_objective_budgets`)).toEqual([{ n: 25 }]);
    const plan = await one<{ note: string; version: number }>(
      sql`select source_note as note, version from plans where id = ${ids.plan}`,
    );
    expect(plan.note).not.toMatch(/ILLUSTRATIVE/);
    expect(plan.version).toBe(2);
  });

  it('loads the real structure beside what users added', async () => {
    const files = await readJordanPlanFiles();
    const counts = await one(sql`
      select (select count(*)::int from plan_interventions) as interventions,
        (select count(*)::int from plan_activities) as activities,
        (select count(*)::int from plan_indicators where planning_element is not null) as me,
        (select count(*)::int from plan_activities where implementation_status = 'not_reported') as not_reported`);
    expect(counts).toEqual({
      interventions: files.interventions.length,
      activities: files.activities.length + 1,
      me: files.indicators.length,
      not_reported: files.activities.length,
    });
  });

  it('changes nothing when it runs again', async () => {
    const snapshot = () =>
      one(sql`
        select (select count(*)::int from audit_log) as audit,
          (select coalesce(sum(version), 0)::int from plan_activities) as activities,
          (select coalesce(sum(version), 0)::int from plan_objectives) as objectives,
          (select coalesce(sum(version), 0)::int from plan_indicators) as indicators,
          (select count(*)::int from indicators) as all_indicators,
          (select count(*)::int from plan_interventions) as interventions,
          (select version from plans where id = ${ids.plan}) as plan`);
    const first = await snapshot();
    const again = await load();
    expect(again.removed).toEqual({ activities: 0, targets: 0, indicators: 0, keptIndicators: 0 });
    expect(await snapshot()).toEqual(first);
    expect(await userData()).toEqual(before);
  });
});
