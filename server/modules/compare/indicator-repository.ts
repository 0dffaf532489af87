import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { countries, frameworks, indicators, planIndicators, plans } from '../../db/schema';
import { indicatorRefColumns } from '../frameworks/repository';

const root = alias(indicators, 'root');

/**
 * Every (plan, indicator) pair: which indicators the plans track, with the plan's country and
 * status, under the question they report on — the one a national indicator follows (a TrACSS
 * question, another country's indicator), else itself — so that countries tracking the same
 * question are counted together.
 */
export async function trackedIndicators(db: DbOrTx) {
  return db
    .select({
      countryIso3: plans.countryIso3,
      planStatus: plans.status,
      indicator: {
        id: root.id,
        frameworkCode: root.frameworkCode,
        code: root.code,
        name: root.name,
        measureType: root.measureType,
        unit: root.unit,
        followsIndicatorId: root.followsIndicatorId,
        calculation: root.calculation,
        dataSource: root.dataSource,
        collectionMethod: root.collectionMethod,
        frequency: root.frequency,
      },
    })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(root, eq(root.id, sql`coalesce(${indicators.followsIndicatorId}, ${indicators.id})`))
    .orderBy(asc(root.frameworkCode), asc(root.sortOrder), asc(root.code));
}

export async function findIndicatorRef(db: DbOrTx, id: number) {
  const [row] = await db.select(indicatorRefColumns).from(indicators).where(eq(indicators.id, id));
  return row ?? null;
}

/**
 * The plan indicators tracking one question in the given countries' plans — itself, or a national
 * indicator following it — each country's newest plan first.
 */
export async function planIndicatorsTracking(db: DbOrTx, questionId: number, iso3s: string[]) {
  if (iso3s.length === 0) return [];
  return db
    .select({
      row: planIndicators,
      indicator: indicatorRefColumns,
      follows: {
        id: root.id,
        frameworkCode: root.frameworkCode,
        code: root.code,
        frameworkName: frameworks.name,
      },
      plan: plans,
      countryName: countries.name,
    })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .leftJoin(root, eq(root.id, indicators.followsIndicatorId))
    .leftJoin(frameworks, eq(frameworks.code, root.frameworkCode))
    .innerJoin(countries, eq(countries.iso3, plans.countryIso3))
    .where(
      and(
        or(eq(indicators.id, questionId), eq(indicators.followsIndicatorId, questionId)),
        inArray(plans.countryIso3, iso3s),
      ),
    )
    .orderBy(asc(countries.name), desc(plans.periodStart), desc(plans.generation), asc(planIndicators.id));
}
