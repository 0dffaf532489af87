import {
  type Level,
  type PlanIndicator,
  type ProgressStatus,
  type Provenance,
  targetFor,
  type ValueWorkflow,
  type YearValue,
} from '../../../shared';
import { targetProgress } from '../plans/assemble-progress';
import type { TrackedValue } from '../plans/repository';

/** Where a value stands: published data, or the workflow state of the national period holding it. */
export type DataState = ValueWorkflow;

export interface ReportValue {
  year: number;
  periodCode: string;
  value: YearValue['value'];
  state: DataState;
  source: Provenance;
  /** For a published answer: the dataset (TrACSS 2019–2020). */
  sourceName: string | null;
}

/** A text milestone's latest reported text: printed as written (no target path, no chart). */
export interface ReportMilestone extends Omit<ReportValue, 'value'> {
  text: string;
}

export interface IndicatorProgress {
  indicator: PlanIndicator;
  /** For a text milestone: the latest text reported in [from, to]. */
  milestone: ReportMilestone | null;
  /** Reported values in [from, to], the latest of each year. */
  values: ReportValue[];
  latest: ReportValue | null;
  target: YearValue | null;
  targets: YearValue[];
  baseline: YearValue | null;
  percentOfTarget: number | null;
  status: ProgressStatus;
  /** Where % of target and status come from (illustrative when any input is); null without data. */
  source: Provenance | null;
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
  rows: readonly TrackedValue[],
  range: { from: number; to: number },
): IndicatorProgress {
  const byYear = new Map<number, ReportValue>();
  let milestone: ReportMilestone | null = null;
  const isText = indicator.indicator.measureType === 'text';
  // Rows come newest first, a national report before a published answer of the same period: the
  // first row of each year is the one shown.
  for (const r of rows) {
    if (r.indicatorId !== indicator.indicator.id || r.status !== 'reported') continue;
    const year = Number(r.endDate.slice(0, 4));
    if (isText && !milestone && r.textValue && year >= range.from && year <= range.to) {
      milestone = {
        year,
        periodCode: r.periodCode,
        text: r.textValue,
        state: r.workflow,
        source: r.source,
        sourceName: r.sourceName,
      };
    }
    const value = amount(r.numericValue, r.level);
    if (value === null || year < range.from || year > range.to || byYear.has(year)) continue;
    byYear.set(year, {
      year,
      periodCode: r.periodCode,
      value,
      state: r.workflow,
      source: r.source,
      sourceName: r.sourceName,
    });
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
    milestone,
    values,
    latest,
    target,
    targets,
    baseline,
    ...targetProgress(
      input,
      latest?.source ?? null,
      indicator.illustrative || indicator.targets.some((t) => t.year === target?.year && t.illustrative),
    ),
  };
}
