import type { ChartConfiguration } from 'chart.js';
import type { SharedIndicatorRow } from '../api/shared-indicators';
import type { ProgressStatus } from '../domain/progress';
import { horizontalBarConfig } from './horizontal-bars';
import { OKABE_ITO } from './palette';

export const PROGRESS_LABELS: Record<ProgressStatus, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

/** Okabe–Ito colours; every bar's label also names its status, so colour is never alone. */
export const PROGRESS_COLOURS: Record<ProgressStatus, string> = {
  achieved: OKABE_ITO.bluishGreen,
  on_track: OKABE_ITO.blue,
  at_risk: OKABE_ITO.orange,
  off_track: OKABE_ITO.vermillion,
  no_data: '#BBBBBB',
};

export interface TargetChartData {
  labels: string[];
  datasets: { label: string; data: (number | null)[]; backgroundColor: string[] }[];
}

/** One bar per country: % of target, coloured by status; the label reads "Jordan — On track". */
export function targetChartData(rows: readonly SharedIndicatorRow[]): TargetChartData {
  return {
    labels: rows.map(
      (r) =>
        `${r.name} — ${PROGRESS_LABELS[r.progress.status]}${r.progress.percentOfTarget === null ? ' (no %)' : ''}` +
        (r.illustrative ? ' — illustrative target' : ''),
    ),
    datasets: [
      {
        label: '% of target',
        data: rows.map((r) => r.progress.percentOfTarget),
        backgroundColor: rows.map((r) => PROGRESS_COLOURS[r.progress.status]),
      },
    ],
  };
}

/** % of target as horizontal bars, without the page-only settings (responsive, size). */
export function targetChartConfig(
  data: TargetChartData,
): ChartConfiguration<'bar', (number | null)[], string> {
  return horizontalBarConfig(data, {
    scales: {
      x: {
        suggestedMin: 0,
        suggestedMax: 100,
        title: { display: true, text: '% of target (100 = target met)' },
      },
      y: { grid: { display: false } },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (i) => `${i.raw} % of target` } },
    },
  });
}

/** The target chart's height in px for this many countries (a bar each, the axes around). */
export const targetChartHeight = (countries: number) => Math.max(160, countries * 40 + 80);
