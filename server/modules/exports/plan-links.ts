import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  type Direction,
  type Level,
  matchFrameworkPeriod,
  type ProgressStatus,
  progressStatus,
  targetFor,
  type YearValue,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, planPeriods, plans } from '../../db/schema';
import { planIndicatorsOf, targetsOf } from '../plans/repository';
import type { ExportScope } from './scope';

/** What a plan adds to one exported value: which plan and reporting period, the target, the status. */
export interface PlanLink {
  c: string;
  i: number;
  p: number;
  pid: number;
  pp: string | null;
  t: string | null;
  s: ProgressStatus | null;
  il: boolean;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const amount = (value: number | null, level: string | null) => (level as Level | null) ?? value;

/**
 * The plan links of every value in scope that a plan tracks, computed with the shared progress
 * rules (shared/domain/progress.ts). Plans are few, so this stays small even when the export is the
 * whole database; the export's SQL joins it in. A value tracked by several plans of its country
 * (generations) takes the plan whose years hold it, else the newest.
 */
export async function planLinks(db: DbOrTx, scope: ExportScope, approvedPlansOnly: Set<string>) {
  if (scope.countries.length === 0) return [];
  const planRows = scope.plan
    ? [scope.plan]
    : (
        await db
          .select()
          .from(plans)
          .where(inArray(plans.countryIso3, scope.countries))
          .orderBy(desc(plans.periodStart))
      ).filter((p) => !(approvedPlansOnly.has(p.countryIso3) && p.status === 'draft'));
  if (planRows.length === 0) return [];
  const joins = await planIndicatorsOf(
    db,
    planRows.map((p) => p.id),
  );
  if (joins.length === 0) return [];
  const targets = await targetsOf(
    db,
    joins.map((j) => j.row.id),
  );
  const reporting = await db
    .select()
    .from(planPeriods)
    .where(
      inArray(
        planPeriods.planId,
        planRows.map((p) => p.id),
      ),
    );
  const values = await db
    .select({
      c: indicatorValues.countryIso3,
      i: indicatorValues.indicatorId,
      p: indicatorValues.periodId,
      status: indicatorValues.status,
      level: indicatorValues.level,
      numericValue: indicatorValues.numericValue,
      framework: indicators.frameworkCode,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        inArray(indicatorValues.countryIso3, [...new Set(planRows.map((p) => p.countryIso3))]),
        inArray(indicatorValues.indicatorId, [...new Set(joins.map((j) => j.indicator.id))]),
      ),
    );
  const frameworkCodes = [...new Set(values.map((v) => v.framework))];
  const fwPeriods = frameworkCodes.length
    ? await db.select().from(periods).where(inArray(periods.frameworkCode, frameworkCodes))
    : [];
  const periodById = new Map(fwPeriods.map((p) => [p.id, p]));
  const out: PlanLink[] = [];
  for (const v of values) {
    const period = periodById.get(v.p);
    if (!period) continue;
    const year = yearOf(period.endDate);
    const candidates = planRows.filter(
      (pl) => pl.countryIso3 === v.c && joins.some((j) => j.row.planId === pl.id && j.indicator.id === v.i),
    );
    const plan = candidates.find((pl) => pl.periodStart <= year && year <= pl.periodEnd) ?? candidates[0];
    if (!plan) continue;
    const join = joins.find((j) => j.row.planId === plan.id && j.indicator.id === v.i);
    if (!join) continue;
    const sameFramework = fwPeriods.filter((fp) => fp.frameworkCode === period.frameworkCode);
    const pp = reporting
      .filter((r) => r.planId === plan.id)
      // Several reporting periods can hold one value (a two-year TrACSS round): the latest one.
      .sort((a, b) => b.endDate.localeCompare(a.endDate))
      .find((r) => matchFrameworkPeriod(r, sameFramework)?.id === v.p);
    const mine = targets.filter((t) => t.planIndicatorId === join.row.id);
    const target = targetFor(mine, year);
    const r = join.row;
    const baselineAmount = amount(r.baselineValue, r.baselineLevel);
    const baseline: YearValue | null =
      baselineAmount !== null && r.baselineYear !== null
        ? { value: baselineAmount, year: r.baselineYear }
        : null;
    const current = amount(v.numericValue, v.level);
    const targetAmount = target ? amount(target.value, target.level) : null;
    out.push({
      c: v.c,
      i: v.i,
      p: v.p,
      pid: plan.id,
      pp: pp?.code ?? null,
      t: targetAmount === null ? null : String(targetAmount),
      s:
        target && targetAmount !== null
          ? progressStatus({
              direction: r.direction as Direction,
              baseline,
              target: { value: targetAmount, year: target.year },
              current: v.status === 'reported' && current !== null ? { value: current, year } : null,
            })
          : null,
      il: r.illustrative || !!target?.illustrative || plan.illustrative,
    });
  }
  return out;
}
