import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../server/db/client';
import {
  indicators,
  planActivities,
  planIndicators,
  planObjectives,
  plans,
  planTargets,
} from '../../../server/db/schema';
import { ensureFollowingIndicator } from '../../../server/modules/plans/write-repository';

/**
 * A plan of Jordan of the test's own (generation 2, 2019–2024) following TrACSS 2019–2020 questions 7.4
 * and 9.1, as the shipped plan used to: for workflow tests whose assertions list every row of a period.
 */
export async function jordanTestPlan(database: Database): Promise<number> {
  const { planId } = await makePlan(database, 'JOR', 'approved', { generation: 2, periodStart: 2019 });
  await followTracssQuestions(database, planId, [{ code: '7.4' }, { code: '9.1' }]);
  return planId;
}

/** Jordan's NAP 2018–2022 as the first start loads it. */
export async function jordanPlanId(database: Database): Promise<number> {
  const [row] = await database.db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.countryIso3, 'JOR'), eq(plans.generation, 1)));
  if (!row) throw new Error('Jordan plan not loaded');
  return row.id;
}

/**
 * A small plan, built directly: of another country, or of Jordan as a later generation (a plan of the
 * test's own beside the shipped NAP 2018–2022, whose M&E plan has about a hundred indicators).
 */
export async function makePlan(
  database: Database,
  iso3: string,
  status: 'draft' | 'approved' = 'approved',
  opts: { generation?: number; periodStart?: number; periodEnd?: number } = {},
) {
  const [plan] = await database.db
    .insert(plans)
    .values({
      countryIso3: iso3,
      title: `${iso3} NAP`,
      periodStart: opts.periodStart ?? 2020,
      periodEnd: opts.periodEnd ?? 2024,
      status,
      generation: opts.generation ?? 1,
    })
    .returning({ id: plans.id });
  const planId = plan?.id as number;
  const [objective] = await database.db
    .insert(planObjectives)
    .values({ planId, code: 'O1', title: 'Awareness', gapObjective: 1 })
    .returning({ id: planObjectives.id });
  const objectiveId = objective?.id as number;
  const [activity] = await database.db
    .insert(planActivities)
    .values({ objectiveId, code: 'A1', title: 'Campaign', sectors: ['human_health'] })
    .returning({ id: planActivities.id });
  return { planId, objectiveId, activityId: activity?.id as number };
}

/** Row counts of every plan table (and indicators, frameworks): a failed write must leave them as they were. */
export async function planTableCounts(database: Database) {
  const [row] = await database.rows<Record<string, number>>(sql`
    select (select count(*)::int from plans) as plans,
      (select count(*)::int from plan_objectives) as objectives,
      (select count(*)::int from plan_activities) as activities,
      (select count(*)::int from plan_indicators) as indicators,
      (select count(*)::int from plan_targets) as targets,
      (select count(*)::int from indicators) as all_indicators,
      (select count(*)::int from frameworks) as frameworks,
      (select coalesce(sum(version), 0)::int from plan_activities) as activity_versions`);
  return row;
}

/** A new objective of the plan (for delete tests: each caller deletes its own). */
export async function freshObjective(database: Database, planId: number, code: string) {
  const [row] = await database.db
    .insert(planObjectives)
    .values({ planId, code, title: 'To delete' })
    .returning({ id: planObjectives.id, version: planObjectives.version });
  return row as { id: number; version: number };
}

export async function freshActivity(database: Database, objectiveId: number, code: string) {
  const [row] = await database.db
    .insert(planActivities)
    .values({ objectiveId, code, title: 'To delete' })
    .returning({ id: planActivities.id, version: planActivities.version });
  return row as { id: number; version: number };
}

/**
 * Tracks one more indicator, without values (one with values cannot be removed from a plan): a new
 * indicator of a test framework of its own.
 */
export async function freshPlanIndicator(database: Database, planId: number) {
  await database.rows(sql`
    insert into frameworks (code, name, kind) values ('test-fresh', 'Test indicators', 'national')
    on conflict do nothing`);
  const [row] = await database.rows<{ id: number; version: number }>(sql`
    with i as (
      insert into indicators (framework_code, code, sort_order, name, measure_type)
      select 'test-fresh', 'F' || (count(*) + 1), count(*) + 1, 'Fresh', 'number'
      from indicators where framework_code = 'test-fresh'
      returning id)
    insert into plan_indicators (plan_id, indicator_id, direction)
    select ${planId}, i.id, 'increase' from i
    returning id, version`);
  return row as { id: number; version: number };
}

/** The current version of a plan element (so that allowed writes in the matrix are fresh, not 409). */
export async function versionOf(
  database: Database,
  table: 'plan_objectives' | 'plan_activities' | 'plan_indicators',
  id: number,
) {
  const [row] = await database.rows<{ version: number }>(
    sql`select version from ${sql.identifier(table)} where id = ${id}`,
  );
  return row?.version;
}

/** Ids of the first objective, activity and plan indicator of a plan. */
export async function firstElements(database: Database, planId: number) {
  const [row] = await database.rows<{ objective: number; activity: number; indicator: number }>(sql`
    select (select min(id) from plan_objectives where plan_id = ${planId}) as objective,
      (select min(a.id) from plan_activities a join plan_objectives o on o.id = a.objective_id
        where o.plan_id = ${planId}) as activity,
      (select min(id) from plan_indicators where plan_id = ${planId}) as indicator`);
  return row as { objective: number; activity: number; indicator: number };
}

/**
 * Makes a plan follow TrACSS 2019–2020 questions through the country's own indicators (as a focal point
 * linking them would), each with a level target for 2022. Jordan's shipped plan follows none: tests
 * that need a plan tracking a published question set it up here. `illustrative` flags a target as the
 * first versions' invented ones were flagged (no API sets the flag; it stays for such data).
 */
export async function followTracssQuestions(
  database: Database,
  planId: number,
  questions: { code: string; target?: 'A' | 'B' | 'C' | 'D' | 'E'; illustrative?: boolean }[],
) {
  const out: { planIndicatorId: number; indicatorId: number; code: string }[] = [];
  await database.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan) throw new Error(`no plan ${planId}`);
    for (const q of questions) {
      const [question] = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.frameworkCode, 'tracss-2019-2020'), eq(indicators.code, q.code)));
      if (!question) throw new Error(`no TrACSS question ${q.code}`);
      const indicatorId = await ensureFollowingIndicator(tx, plan.countryIso3, question.id);
      const [row] = await tx
        .insert(planIndicators)
        .values({
          planId,
          indicatorId,
          direction: 'increase',
          resultLevel: 'output',
          sortOrder: 1000 + out.length,
        })
        .returning({ id: planIndicators.id });
      const planIndicatorId = row?.id as number;
      if (q.target)
        await tx
          .insert(planTargets)
          .values({ planIndicatorId, year: 2022, level: q.target, illustrative: q.illustrative ?? false });
      out.push({ planIndicatorId, indicatorId, code: q.code });
    }
  });
  return out;
}
