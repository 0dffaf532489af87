import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { countries, indicators, planIndicators, plans } from '../../db/schema';

const indicatorColumns = {
  id: indicators.id,
  frameworkCode: indicators.frameworkCode,
  code: indicators.code,
  name: indicators.name,
  measureType: indicators.measureType,
  unit: indicators.unit,
};

/** Every (plan, indicator) pair: which indicators the plans track, with the plan's country and status. */
export async function trackedIndicators(db: DbOrTx) {
  return db
    .select({ countryIso3: plans.countryIso3, planStatus: plans.status, indicator: indicatorColumns })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .orderBy(asc(indicators.frameworkCode), asc(indicators.sortOrder), asc(indicators.code));
}

export async function findIndicatorRef(db: DbOrTx, id: number) {
  const [row] = await db.select(indicatorColumns).from(indicators).where(eq(indicators.id, id));
  return row ?? null;
}

/** The plan indicators tracking one indicator in the given countries' plans, each country's newest plan first. */
export async function planIndicatorsTracking(db: DbOrTx, indicatorId: number, iso3s: string[]) {
  if (iso3s.length === 0) return [];
  return db
    .select({ row: planIndicators, indicator: indicatorColumns, plan: plans, countryName: countries.name })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(countries, eq(countries.iso3, plans.countryIso3))
    .where(and(eq(planIndicators.indicatorId, indicatorId), inArray(plans.countryIso3, iso3s)))
    .orderBy(asc(countries.name), desc(plans.periodStart), desc(plans.generation), asc(planIndicators.id));
}
