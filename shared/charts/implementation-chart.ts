import type { ChartConfiguration, ChartData } from 'chart.js';
import { horizontalBarConfig } from './horizontal-bars';

export interface RateRow {
  label: string;
  /** Computed from the activities' statuses; null when none counts. */
  rate: number | null;
  /** As a published evaluation reported it (undefined: none published; null: no percentage given). */
  published?: number | null;
}

const COMPUTED = '#2f6f8f';
/** Okabe–Ito vermillion, told apart from the computed bars by its legend too. */
const PUBLISHED = '#d55e00';

/**
 * Rows (an objective, a sector …) → bar datasets of implementation rates, 0–100: the computed rates
 * (none → 0 bar), and the published ones when any row has one (none published → no bar). Computed
 * rates are left out when no row has one but published rates exist: a row of zero bars would read as
 * "nothing implemented" where nothing was reported.
 */
export function implementationChartData(
  rows: readonly RateRow[],
  datasetLabel: string,
  publishedLabel = 'Published',
): ChartData<'bar', (number | null)[], string> {
  const published = rows.some((r) => r.published !== undefined);
  const computed = rows.some((r) => r.rate !== null) || !published;
  return {
    labels: rows.map((r) => r.label),
    datasets: [
      ...(computed
        ? [
            {
              label: datasetLabel,
              data: rows.map((r) => r.rate ?? 0),
              backgroundColor: COMPUTED,
              borderRadius: 2,
            },
          ]
        : []),
      ...(published
        ? [
            {
              label: publishedLabel,
              data: rows.map((r) => r.published ?? null),
              backgroundColor: PUBLISHED,
              borderRadius: 2,
            },
          ]
        : []),
    ],
  };
}

/** Horizontal bars of rates, 0–100, without the page-only settings (responsive, size). */
export function implementationChartConfig(
  rows: readonly RateRow[],
  axisTitle = 'Implementation rate (%)',
  labels: { computed?: string; published?: string } = {},
): ChartConfiguration<'bar', (number | null)[], string> {
  const data = implementationChartData(rows, labels.computed ?? axisTitle, labels.published);
  return horizontalBarConfig(data, {
    scales: {
      x: { min: 0, max: 100, title: { display: true, text: axisTitle } },
      y: { grid: { display: false } },
    },
    plugins: {
      // Published rates are always named as such.
      legend: { display: data.datasets.length > 1 || rows.some((r) => r.published !== undefined) },
      tooltip: { callbacks: { label: (i) => `${i.raw} %` } },
    },
  });
}

/** The implementation chart's height in px for these rows: a bar per row and dataset, the axes around. */
export function implementationChartHeight(rows: readonly RateRow[]): number {
  const datasets = implementationChartData(rows, '').datasets.length;
  return Math.max(160, rows.length * 36 * datasets + 60);
}
