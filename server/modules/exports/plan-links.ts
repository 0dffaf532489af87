import {
  combineProvenance,
  type Direction,
  type Level,
  type ProgressStatus,
  type Provenance,
  progressStatus,
  provenanceOf,
  targetFor,
  type ValueWorkflow,
  type YearValue,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { planIndicatorsOf, targetsOf } from '../plans/repository';
import { valuesOfIndicators } from '../values/repository';
import { plansOfCountries, reportingPeriodsOf } from './repository';
import type { ExportScope } from './scope';

/**
 * What a plan adds to one exported value: which plan and reporting period, the target, the status,
 * and where the target and the status come from (a status is illustrative when its target is).
 */
export interface PlanLink {
  c: string;
  i: number;
  p: number;
  pid: number;
  pp: string | null;
  t: string | null;
  s: ProgressStatus | null;
  ts: Provenance | null;
  ps: Provenance | null;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const amount = (value: number | null, level: string | null) => (level as Level | null) ?? value;

/**
 * The plan links of every value in scope that a plan tracks — the plan's own (national) indicators'
 * values, and the published answers to the questions they follow — computed with the shared progress
 * rules (shared/domain/progress.ts). Plans are few, so this stays small even when the export is the
 * whole database; the export's SQL joins it in. A value tracked by several plans of its country
 * (generations) takes the plan whose years hold it, else the newest.
 */
export async function planLinks(db: DbOrTx, scope: ExportScope, approvedPlansOnly: Set<string>) {
  if (scope.countries.length === 0) return [];
  const planRows = scope.plan
    ? [scope.plan]
    : (await plansOfCountries(db, scope.countries)).filter(
        (p) => !(approvedPlansOnly.has(p.countryIso3) && p.status === 'draft'),
      );
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
  const reporting = await reportingPeriodsOf(
    db,
    planRows.map((p) => p.id),
  );
  const tracked = [
    ...new Set(
      joins.flatMap((j) => [
        j.indicator.id,
        ...(j.indicator.followsIndicatorId ? [j.indicator.followsIndicatorId] : []),
      ]),
    ),
  ];
  const values = await valuesOfIndicators(db, [...new Set(planRows.map((p) => p.countryIso3))], tracked);
  const out: PlanLink[] = [];
  for (const v of values) {
    const year = yearOf(v.endDate);
    const tracks = (j: (typeof joins)[number]) =>
      j.indicator.id === v.indicatorId || j.indicator.followsIndicatorId === v.indicatorId;
    const candidates = planRows.filter(
      (pl) => pl.countryIso3 === v.countryIso3 && joins.some((j) => j.row.planId === pl.id && tracks(j)),
    );
    const plan = candidates.find((pl) => pl.periodStart <= year && year <= pl.periodEnd) ?? candidates[0];
    if (!plan) continue;
    const join = joins.find((j) => j.row.planId === plan.id && tracks(j));
    if (!join) continue;
    const published = v.workflow === 'published';
    // A national value sits in the national period with its reporting period's code.
    const pp = published ? undefined : reporting.find((r) => r.planId === plan.id && r.code === v.periodCode);
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
    const targetSource: Provenance | null = !target
      ? null
      : r.illustrative || target.illustrative || plan.illustrative
        ? 'illustrative'
        : plan.status === 'draft'
          ? 'national_draft'
          : 'national_approved';
    const status =
      target && targetAmount !== null
        ? progressStatus({
            direction: r.direction as Direction,
            baseline,
            target: { value: targetAmount, year: target.year },
            current: v.status === 'reported' && current !== null ? { value: current, year } : null,
          })
        : null;
    out.push({
      c: v.countryIso3,
      i: v.indicatorId,
      p: v.periodId,
      pid: plan.id,
      pp: pp?.code ?? null,
      t: targetAmount === null ? null : String(targetAmount),
      s: status,
      ts: targetSource,
      ps:
        status === null
          ? null
          : combineProvenance([provenanceOf(v.workflow as ValueWorkflow, v.demo), targetSource]),
    });
  }
  return out;
}
