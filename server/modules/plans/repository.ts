import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  indicators,
  indicatorValues,
  periods,
  planActivities,
  planIndicators,
  planObjectives,
  plans,
  planTargets,
} from '../../db/schema';

export type PlanRow = typeof plans.$inferSelect;
export type ObjectiveRow = typeof planObjectives.$inferSelect;
export type ActivityRow = typeof planActivities.$inferSelect;
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
      indicator: {
        id: indicators.id,
        frameworkCode: indicators.frameworkCode,
        code: indicators.code,
        name: indicators.name,
        measureType: indicators.measureType,
        unit: indicators.unit,
      },
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
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

export interface LatestValue {
  indicatorId: number;
  numericValue: number | null;
  level: string | null;
  periodCode: string;
  endDate: string;
}

/** Reported values of these indicators for these countries, newest period first. */
export async function reportedValues(
  db: DbOrTx,
  iso3s: string[],
  indicatorIds: number[],
): Promise<(LatestValue & { countryIso3: string })[]> {
  if (indicatorIds.length === 0 || iso3s.length === 0) return [];
  return db
    .select({
      countryIso3: indicatorValues.countryIso3,
      indicatorId: indicatorValues.indicatorId,
      numericValue: indicatorValues.numericValue,
      level: indicatorValues.level,
      periodCode: periods.code,
      endDate: periods.endDate,
    })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(
      and(
        inArray(indicatorValues.countryIso3, iso3s),
        inArray(indicatorValues.indicatorId, indicatorIds),
        eq(indicatorValues.status, 'reported'),
      ),
    )
    .orderBy(desc(periods.endDate));
}
