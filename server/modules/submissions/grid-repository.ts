import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  indicators,
  indicatorValues,
  periods,
  planIndicators,
  planPeriods,
  users,
  valueProvenance,
} from '../../db/schema';

/** The plan's indicators in the plan's order, with the framework each belongs to. */
export async function planIndicatorKeys(db: DbOrTx, planId: number) {
  return db
    .select({
      planIndicatorId: planIndicators.id,
      indicatorId: planIndicators.indicatorId,
      frameworkCode: indicators.frameworkCode,
      ruleMin: planIndicators.ruleMin,
      ruleMax: planIndicators.ruleMax,
      ruleJumpPercent: planIndicators.ruleJumpPercent,
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.sortOrder), asc(planIndicators.id));
}

/**
 * Every value of the country for these indicators, newest period first, with who wrote it and where
 * it stands (value_provenance).
 */
export async function countryValues(db: DbOrTx, iso3: string, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({
      value: indicatorValues,
      periodCode: periods.code,
      periodStart: periods.startDate,
      updatedByName: users.displayName,
      workflow: valueProvenance.workflow,
      demo: valueProvenance.demo,
    })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .leftJoin(users, eq(users.id, indicatorValues.updatedBy))
    .where(and(eq(indicatorValues.countryIso3, iso3), inArray(indicatorValues.indicatorId, indicatorIds)))
    .orderBy(desc(periods.startDate));
}
export type CountryValue = Awaited<ReturnType<typeof countryValues>>[number];

/**
 * The plan's reporting period before this one, of the same kind (the year before a year, the quarter
 * before a quarter): the one a jump rule compares with. Undefined for the plan's first period.
 */
export async function previousPlanPeriodCode(
  db: DbOrTx,
  planId: number,
  period: { kind: string; startDate: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ code: planPeriods.code })
    .from(planPeriods)
    .where(
      and(
        eq(planPeriods.planId, planId),
        eq(planPeriods.kind, period.kind),
        lt(planPeriods.startDate, period.startDate),
      ),
    )
    .orderBy(desc(planPeriods.startDate))
    .limit(1);
  return row?.code;
}
