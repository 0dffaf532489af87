import type { Plan, PlanIndicator, PlanIndicatorValue, ProgressStatus, ProgressValue } from '../../../shared';
import type { ProgressSeries } from '../../../shared/charts/progress-chart';
import { PROGRESS_STATUSES } from '../../../shared/constants/plan';

type Amount = { value: number | null; level: string | null };
const amountOf = (a: Amount): ProgressValue | null => (a.level as ProgressValue | null) ?? a.value;

/** One plan indicator's baseline, targets and reported values (the latest of each year) for the chart. */
export function progressSeriesOf(
  plan: Plan,
  pi: PlanIndicator,
  values: readonly PlanIndicatorValue[],
): ProgressSeries {
  const byYear = new Map<number, ProgressValue>();
  for (const v of values) {
    const amount = v.status === 'reported' ? amountOf({ value: v.numericValue, level: v.level }) : null;
    // The API lists values newest first, a national report before a published answer of the same
    // period: the first value of each year is the one shown (as on the plan page and in the report).
    if (amount !== null && !byYear.has(v.year)) byYear.set(v.year, amount);
  }
  const baselineValue = pi.baseline ? amountOf(pi.baseline) : null;
  return {
    isLevel: pi.indicator.measureType === 'level',
    baseline: pi.baseline && baselineValue !== null ? { year: pi.baseline.year, value: baselineValue } : null,
    targets: pi.targets.flatMap((t) => {
      const v = amountOf(t);
      return v === null ? [] : [{ year: t.year, value: v }];
    }),
    values: [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year),
    from: plan.periodStart,
    to: plan.periodEnd,
  };
}

/** How many of the plan's indicators are achieved, on track, at risk, off track or without data. */
export function statusCounts(plan: Plan): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const i of plan.indicators) counts[i.progress.status] += 1;
  return counts;
}
