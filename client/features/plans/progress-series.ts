import type { IndicatorValue, Plan, PlanIndicator, ProgressStatus, ProgressValue } from '../../../shared';
import type { ProgressSeries } from '../../../shared/charts/progress-chart';
import { PROGRESS_STATUSES } from '../../../shared/constants/plan';

type Amount = { value: number | null; level: string | null };
const amountOf = (a: Amount): ProgressValue | null => (a.level as ProgressValue | null) ?? a.value;

/** The year a period reports on: the last year its code names ("2019-2020" → 2020, "2021-Q3" → 2021). */
export function yearOfPeriod(code: string): number | null {
  const years = code.match(/\d{4}/g)?.map(Number) ?? [];
  return years.length ? Math.max(...years) : null;
}

/** One plan indicator's baseline, targets and reported values (the latest of each year) for the chart. */
export function progressSeriesOf(
  plan: Plan,
  pi: PlanIndicator,
  values: readonly IndicatorValue[],
): ProgressSeries {
  const byYear = new Map<number, ProgressValue>();
  for (const v of values) {
    const year = yearOfPeriod(v.periodCode);
    const amount = v.status === 'reported' ? amountOf({ value: v.numericValue, level: v.level }) : null;
    // The API lists periods oldest first: the year's latest value wins.
    if (year !== null && amount !== null) byYear.set(year, amount);
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
