import { asc, eq, inArray } from 'drizzle-orm';
import type { MeProfile, Sector } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, planIndicators, planObjectives, plans } from '../../db/schema';

type PlanRef = { id: number; countryIso3: string; title: string; periodStart: number; periodEnd: number };

/**
 * Each country's current plan: the one in force in `year`, else the latest (as the country report
 * picks it). `drafts` false: plans past approval only, as the public reads plans (plans/access.ts).
 */
export async function currentPlans(
  db: DbOrTx,
  iso3s: string[],
  year: number,
  drafts: (iso3: string) => boolean,
): Promise<Map<string, PlanRef>> {
  if (iso3s.length === 0) return new Map();
  const rows = await db
    .select({
      id: plans.id,
      countryIso3: plans.countryIso3,
      title: plans.title,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      status: plans.status,
    })
    .from(plans)
    .where(inArray(plans.countryIso3, iso3s))
    .orderBy(asc(plans.countryIso3), asc(plans.periodStart), asc(plans.generation));
  const out = new Map<string, PlanRef>();
  const inForce = new Set<string>();
  for (const { status, ...p } of rows) {
    if (status === 'draft' && !drafts(p.countryIso3)) continue;
    // Ascending order: a later plan replaces an earlier one, unless only the earlier is in force.
    const current = p.periodStart <= year && year <= p.periodEnd;
    if (current || !inForce.has(p.countryIso3)) out.set(p.countryIso3, p);
    if (current) inForce.add(p.countryIso3);
  }
  return out;
}

/** The plan's indicators for step 3, with the GAP objective of their plan objective (else their own). */
export async function planIndicatorRefs(
  db: DbOrTx,
  planId: number,
): Promise<NonNullable<MeProfile['plan']>['indicators']> {
  const rows = await db
    .select({
      code: indicators.code,
      name: indicators.name,
      objectiveGap: planObjectives.gapObjective,
      indicatorGap: indicators.gapObjective,
      sectors: indicators.sectors,
      resultLevel: planIndicators.resultLevel,
      dataSource: indicators.dataSource,
      frequency: indicators.frequency,
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .leftJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.sortOrder), asc(planIndicators.id));
  return rows.map(({ objectiveGap, indicatorGap, ...r }) => ({
    ...r,
    gapObjective: objectiveGap ?? indicatorGap,
    sectors: r.sectors as Sector[],
  }));
}

/**
 * The objectives of these plans, numbered in the plan's order, with the implementation rate a
 * published evaluation reported for each (`published` false: none was published). Reference data,
 * written by its loader only: no user action and no draft changes it.
 */
export async function objectiveRates(db: DbOrTx, planIds: number[]) {
  if (planIds.length === 0) return [];
  const rows = await db
    .select({
      planId: planObjectives.planId,
      title: planObjectives.title,
      rate: planObjectives.publishedRate,
      source: planObjectives.publishedRateSource,
    })
    .from(planObjectives)
    .where(inArray(planObjectives.planId, planIds))
    .orderBy(asc(planObjectives.planId), asc(planObjectives.sortOrder), asc(planObjectives.code));
  const counts = new Map<number, number>();
  return rows.map(({ source, ...r }) => {
    const number = (counts.get(r.planId) ?? 0) + 1;
    counts.set(r.planId, number);
    return { ...r, number, published: source !== null };
  });
}
