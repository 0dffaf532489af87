import type { ChartConfiguration } from 'chart.js';
import type { ChangePair } from '../api/change';
import { CHANGE_KINDS, type ChangeKind } from '../constants/compare';
import { horizontalBarConfig } from './horizontal-bars';
import { OKABE_ITO } from './palette';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  improved: 'Improved',
  same: 'Same level',
  regressed: 'Regressed',
  no_answer: 'No answer in one round',
};

/** Okabe–Ito colours; the legend and the table name each series, so colour is never alone. */
const COLOURS: Record<ChangeKind, string> = {
  improved: OKABE_ITO.bluishGreen,
  same: OKABE_ITO.skyBlue,
  regressed: OKABE_ITO.vermillion,
  no_answer: '#BBBBBB',
};

export interface ChangeChartData {
  labels: string[];
  datasets: { label: string; data: number[]; backgroundColor: string }[];
}

/** One stacked bar per comparable pair ("7.1 → 3.2"): members per kind of change. */
export function changeChartData(pairs: readonly ChangePair[]): ChangeChartData {
  return {
    labels: pairs.map((p) => `${p.from.code} → ${p.to.code}`),
    datasets: CHANGE_KINDS.map((kind) => ({
      label: CHANGE_LABELS[kind],
      data: pairs.map((p) => p.counts[kind]),
      backgroundColor: COLOURS[kind],
    })),
  };
}

/** Stacked horizontal bars, without the page-only settings (responsive, size). */
export function changeChartConfig(data: ChangeChartData): ChartConfiguration<'bar', number[], string> {
  return horizontalBarConfig(data, {
    scales: {
      x: { stacked: true, min: 0, ticks: { precision: 0 }, title: { display: true, text: 'Members' } },
      y: { stacked: true, grid: { display: false } },
    },
    plugins: { legend: { position: 'bottom' } },
  });
}

/** The change chart's height in px for this many question pairs (a bar each, the axes around). */
export const changeChartHeight = (pairs: number) => Math.max(200, pairs * 40 + 90);
