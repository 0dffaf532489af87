import { and, asc, between, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Provenance, provenanceOf, type ValueStatus, type ValueWorkflow } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import {
  frameworks,
  indicators,
  indicatorValues,
  periods,
  planActivities,
  planIndicators,
  planInterventions,
  planObjectiveBudgets,
  planObjectives,
  plans,
  planTargets,
} from '../../db/schema';
import { indicatorRefColumns } from '../frameworks/repository';
import { valuesOfIndicators } from '../values/repository';
import { publishedAnswersList } from '../visibility/published-repository';
import { mayReadCountry, type ReadScope } from '../visibility/scope';
import { visibleValues } from '../visibility/sql';

export type PlanRow = typeof plans.$inferSelect;

const followed = alias(indicators, 'followed');
export type ObjectiveRow = typeof planObjectives.$inferSelect;
export type ActivityRow = typeof planActivities.$inferSelect;
export type InterventionRow = typeof planInterventions.$inferSelect;
export type ObjectiveBudgetRow = typeof planObjectiveBudgets.$inferSelect;
export type TargetRow = typeof planTargets.$inferSelect;

export async function findPlanRows(
  db: DbOrTx,
  where: { iso3?: string; id?: number; approvedOnly?: boolean },
) {
  return db
    .select()
    .from(plans)
    .where(
      and(
        where.iso3 ? eq(plans.countryIso3, where.iso3) : undefined,
        where.id ? eq(plans.id, where.id) : undefined,
        where.approvedOnly ? ne(plans.status, 'draft') : undefined,
      ),
    )
    .orderBy(desc(plans.periodStart), desc(plans.generation));
}

export async function objectivesOf(db: DbOrTx, planIds: number[]) {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(planObjectives)
    .where(inArray(planObjectives.planId, planIds))
    .orderBy(asc(planObjectives.sortOrder), asc(planObjectives.code));
}

export async function interventionsOf(db: DbOrTx, objectiveIds: number[]) {
  if (objectiveIds.length === 0) return [];
  return db
    .select()
    .from(planInterventions)
    .where(inArray(planInterventions.objectiveId, objectiveIds))
    .orderBy(asc(planInterventions.sortOrder), asc(planInterventions.id));
}

export async function objectiveBudgetsOf(db: DbOrTx, objectiveIds: number[]) {
  if (objectiveIds.length === 0) return [];
  return db
    .select()
    .from(planObjectiveBudgets)
    .where(inArray(planObjectiveBudgets.objectiveId, objectiveIds))
    .orderBy(asc(planObjectiveBudgets.objectiveId), asc(planObjectiveBudgets.planYear));
}

export async function activitiesOf(db: DbOrTx, objectiveIds: number[]) {
  if (objectiveIds.length === 0) return [];
  return db
    .select()
    .from(planActivities)
    .where(inArray(planActivities.objectiveId, objectiveIds))
    .orderBy(asc(planActivities.code), asc(planActivities.id));
}

export async function planIndicatorsOf(db: DbOrTx, planIds: number[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      row: planIndicators,
      indicator: indicatorRefColumns,
      follows: {
        id: followed.id,
        frameworkCode: followed.frameworkCode,
        code: followed.code,
        frameworkName: frameworks.name,
      },
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .leftJoin(followed, eq(followed.id, indicators.followsIndicatorId))
    .leftJoin(frameworks, eq(frameworks.code, followed.frameworkCode))
    .where(inArray(planIndicators.planId, planIds))
    .orderBy(asc(planIndicators.sortOrder), asc(planIndicators.id));
}

export async function targetsOf(db: DbOrTx, planIndicatorIds: number[]) {
  if (planIndicatorIds.length === 0) return [];
  return db
    .select()
    .from(planTargets)
    .where(inArray(planTargets.planIndicatorId, planIndicatorIds))
    .orderBy(asc(planTargets.year));
}

/**
 * How many values the country reported for the indicator during the plan: its years and the year after
 * (values a plan's views show). An indicator with such values stays in the plan (never lose data).
 */
export async function valueCountInPlan(
  db: DbOrTx,
  plan: { countryIso3: string; periodStart: number; periodEnd: number },
  indicatorId: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(
      and(
        eq(indicatorValues.countryIso3, plan.countryIso3),
        eq(indicatorValues.indicatorId, indicatorId),
        between(periods.endDate, `${plan.periodStart}-01-01`, `${plan.periodEnd + 1}-12-31`),
      ),
    );
  return Number(row?.n ?? 0);
}

export interface LatestValue {
  indicatorId: number;
  numericValue: number | null;
  level: string | null;
  /** The answer as given: a text milestone's text (for other types, their wording). */
  textValue: string | null;
  periodCode: string;
  endDate: string;
  source: Provenance;
  /** For a published answer: the dataset, e.g. TrACSS 2019–2020. */
  sourceName: string | null;
}

export interface TrackedValue extends LatestValue {
  countryIso3: string;
  status: ValueStatus;
  reason: string | null;
  workflow: ValueWorkflow;
}

/**
 * The values of these (national) indicators for these countries that the scope lets the caller see,
 * newest period first; for an indicator following a published question, the country's published
 * answers to that question count too, marked published (a national report of the same period ranks
 * before them). One function for the plan pages, the reports and the shared-indicators view, so all
 * show the same figure with the same source.
 */
export async function trackedValues(
  db: DbOrTx,
  scope: ReadScope,
  iso3s: string[],
  indicatorIds: number[],
): Promise<TrackedValue[]> {
  if (indicatorIds.length === 0 || iso3s.length === 0) return [];
  const national = await valuesOfIndicators(db, iso3s, indicatorIds, visibleValues(scope));
  const following = await db
    .select({
      id: indicators.id,
      frameworkCode: indicators.frameworkCode,
      follows: indicators.followsIndicatorId,
    })
    .from(indicators)
    .where(and(inArray(indicators.id, indicatorIds), isNotNull(indicators.followsIndicatorId)));
  // A following indicator belongs to one country (its national framework): question → it, per country.
  const followerOf = new Map(
    following.map((f) => [`${f.frameworkCode.slice('national-'.length).toUpperCase()}:${f.follows}`, f.id]),
  );
  const published = await publishedAnswersList(
    db,
    iso3s.filter((c) => mayReadCountry(scope, c)),
    following.flatMap((f) => (f.follows === null ? [] : [f.follows])),
  );
  const out: TrackedValue[] = national.map(({ periodId: _p, workflow, demo, ...v }) => ({
    ...v,
    status: v.status as ValueStatus,
    workflow: workflow as ValueWorkflow,
    source: provenanceOf(workflow as ValueWorkflow, demo),
    sourceName: null,
  }));
  for (const a of published) {
    const id = followerOf.get(`${a.countryIso3}:${a.indicatorId}`);
    if (id === undefined) continue;
    out.push({
      countryIso3: a.countryIso3,
      indicatorId: id,
      status: a.status,
      reason: null,
      numericValue: a.numericValue,
      level: a.level,
      textValue: a.textValue,
      periodCode: a.periodCode,
      endDate: a.endDate,
      workflow: 'published',
      source: 'published',
      sourceName: a.frameworkName,
    });
  }
  return out.sort(
    (a, b) =>
      b.endDate.localeCompare(a.endDate) ||
      Number(a.source === 'published') - Number(b.source === 'published'),
  );
}

/** The reported ones of trackedValues (a value, not "no data" or "not applicable"). */
export async function reportedValues(
  db: DbOrTx,
  scope: ReadScope,
  iso3s: string[],
  indicatorIds: number[],
): Promise<TrackedValue[]> {
  return (await trackedValues(db, scope, iso3s, indicatorIds)).filter((v) => v.status === 'reported');
}
