import {
  type Level,
  type PlanIndicator,
  type ProgressStatus,
  percentOfTarget,
  progressStatus,
  targetFor,
  type YearValue,
} from '../../../shared';
import type { CountryValueRow } from './repository';

/** Where a value stands in the approval workflow; `imported` came from a survey round, not from it. */
export type DataState = 'approved' | 'submitted' | 'draft' | 'returned' | 'imported';

export interface ReportValue {
  year: number;
  periodCode: string;
  value: YearValue['value'];
  state: DataState;
}

export interface IndicatorProgress {
  indicator: PlanIndicator;
  /** Reported values in [from, to], the latest of each year. */
  values: ReportValue[];
  latest: ReportValue | null;
  target: YearValue | null;
  targets: YearValue[];
  baseline: YearValue | null;
  percentOfTarget: number | null;
  status: ProgressStatus;
}

const amount = (value: number | null, level: string | null): YearValue['value'] | null =>
  (level as Level | null) ?? value;

const yearValue = (a: { value: number | null; level: Level | null; year: number }): YearValue | null => {
  const v = amount(a.value, a.level);
  return v === null ? null : { value: v, year: a.year };
};

/**
 * Progress of one plan indicator as of the report's last year, with the shared functions
 * (shared/domain/progress.ts): the latest reported value up to `to`, the target in force for it,
 * % of target and the status against the target path.
 */
export function indicatorProgress(
  indicator: PlanIndicator,
  rows: readonly CountryValueRow[],
  range: { from: number; to: number },
  stateOf: (row: CountryValueRow) => DataState,
): IndicatorProgress {
  const byYear = new Map<number, ReportValue>();
  for (const r of rows) {
    if (r.indicatorId !== indicator.indicator.id || r.status !== 'reported') continue;
    const year = Number(r.endDate.slice(0, 4));
    const value = amount(r.numericValue, r.level);
    if (value === null || year < range.from || year > range.to) continue;
    byYear.set(year, { year, periodCode: r.periodCode, value, state: stateOf(r) });
  }
  const values = [...byYear.values()].sort((a, b) => a.year - b.year);
  const latest = values.at(-1) ?? null;
  const targets = indicator.targets.flatMap((t) => yearValue(t) ?? []);
  const baseline = indicator.baseline ? yearValue(indicator.baseline) : null;
  const target = latest ? targetFor(targets, latest.year) : (targets.at(-1) ?? null);
  const input = target && {
    direction: indicator.direction,
    baseline,
    target,
    current: latest ? { value: latest.value, year: latest.year } : null,
  };
  return {
    indicator,
    values,
    latest,
    target,
    targets,
    baseline,
    percentOfTarget: input ? percentOfTarget(input) : null,
    // Without a target there is nothing to be on track to.
    status: input ? progressStatus(input) : 'no_data',
  };
}
