import type { ChartConfiguration, ChartData, TooltipItem } from 'chart.js';
import type { CompareRow } from '../api/compare';
import { LEVELS, levelToScore, scoreLabel } from '../constants/level';
import { OKABE_ITO, withAlpha } from './palette';

/** A bar height (score), a floating bar [q1, q3], or a gap. */
export type ComparePoint = number | [number, number] | null;
export type CompareChartType = 'bar' | 'line';
export type CompareChartData = ChartData<CompareChartType, ComparePoint[], string>;

/**
 * Country level vs its peer group on each A–E indicator, as Chart.js data, drawn like a
 * bullet chart (one column per indicator, bars not grouped side by side):
 * - the group's interquartile range (q1–q3) as a wide, light floating bar,
 * - the country's level score (A = 1 … E = 5) as a narrow bar in front of it,
 * - the group's median as a marker on top of both.
 * Missing values become null (a gap), never 0, so "no answer" is not drawn as "below A".
 */
export function toCompareChartData(
  rows: readonly CompareRow[],
  names: { country: string; group: string },
  words: { middleHalf: string; median: string } = { middleHalf: 'middle half (Q1–Q3)', median: 'median' },
): CompareChartData {
  return {
    labels: rows.map((r) => r.indicator.code),
    datasets: [
      {
        type: 'bar',
        label: names.country,
        data: rows.map((r) => (r.countryLevel ? levelToScore(r.countryLevel) : null)),
        backgroundColor: OKABE_ITO.blue,
        borderColor: OKABE_ITO.blue,
        borderWidth: 1,
        grouped: false,
        barPercentage: 0.4,
        order: 2,
      },
      {
        type: 'bar',
        label: `${names.group}: ${words.middleHalf}`,
        data: rows.map((r) => (r.stats.q1 !== null && r.stats.q3 !== null ? [r.stats.q1, r.stats.q3] : null)),
        backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.45),
        borderColor: OKABE_ITO.skyBlue,
        borderWidth: 1,
        grouped: false,
        barPercentage: 0.9,
        // q1 = q3 is common with five levels: keep such a range visible as a thin bar.
        minBarLength: 4,
        order: 3,
      },
      {
        type: 'line',
        label: `${names.group}: ${words.median}`,
        data: rows.map((r) => r.stats.median),
        showLine: false,
        pointStyle: 'rectRot',
        pointRadius: 6,
        pointHoverRadius: 8,
        backgroundColor: OKABE_ITO.vermillion,
        borderColor: OKABE_ITO.black,
        borderWidth: 1,
        order: 1,
      },
    ],
  };
}

/** Y-axis tick: 1 → "A" … 5 → "E"; other ticks stay unlabelled. */
export function scoreTickLabel(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) ? (LEVELS[n - 1] ?? '') : '';
}

/** Tooltip text of one point, in level letters rather than scores. */
export function comparePointLabel(datasetLabel: string, point: ComparePoint): string {
  if (point === null) return `${datasetLabel}: no answer`;
  if (Array.isArray(point)) return `${datasetLabel}: ${scoreLabel(point[0])} to ${scoreLabel(point[1])}`;
  return `${datasetLabel}: ${scoreLabel(point)}`;
}

/** The chart (type, data, options) without the page-only settings (responsive, size), which callers add. */
export function compareChartConfig(
  data: CompareChartData,
  axes: { x: string; y: string } = { x: 'TrACSS indicator', y: 'Level (A lowest … E highest)' },
): ChartConfiguration<CompareChartType, ComparePoint[], string> {
  return {
    type: 'bar',
    data,
    options: {
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: { display: true, text: axes.x }, grid: { display: false } },
        y: {
          min: 0,
          max: 5,
          ticks: { stepSize: 1, callback: (value) => scoreTickLabel(value) },
          title: { display: true, text: axes.y },
        },
      },
      plugins: {
        // Datasets are drawn in `order` (median on top); the legend keeps their data order.
        legend: {
          position: 'bottom',
          labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<CompareChartType>) =>
              comparePointLabel(item.dataset.label ?? '', item.raw as ComparePoint),
          },
        },
      },
    },
  };
}
