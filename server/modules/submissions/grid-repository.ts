import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  indicators,
  indicatorValues,
  periods,
  planIndicators,
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
