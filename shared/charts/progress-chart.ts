import type { ChartConfiguration } from 'chart.js';
import { expectedOnPath, type ProgressValue, targetFor, toScore, type YearValue } from '../domain/progress';
import { scoreTickLabel } from './compare-chart';
import { OKABE_ITO } from './palette';

export interface ProgressSeries {
  /** A–E indicators are drawn on a 1–5 scale labelled with the letters. */
  isLevel: boolean;
  baseline: YearValue | null;
  targets: readonly YearValue[];
  /** Reported values, one per year (the latest of the year). */
  values: readonly YearValue[];
  from: number;
  to: number;
}

export interface ProgressChartWords {
  reported: string;
  path: string;
  targets: string;
}

const WORDS: ProgressChartWords = { reported: 'Reported value', path: 'Target path', targets: 'Target' };

/** The years on the x axis: from the baseline (or `from`) to `to`, and to the last target when later. */
export function progressYears(s: ProgressSeries): number[] {
  const start = Math.min(s.from, s.baseline?.year ?? s.from);
  const end = Math.max(s.to, ...s.targets.map((t) => t.year).filter((y) => y <= s.to + 3));
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/**
 * Reported values against the target path: the straight line from the baseline to the target in force
 * for each year (shared/domain/progress.ts, the path the status is measured against), the targets as
 * markers, the values as a line. Years without a value are gaps, never zero.
 */
export function progressChartConfig(
  s: ProgressSeries,
  words: ProgressChartWords = WORDS,
): ChartConfiguration<'line', (number | null)[], string> {
  const years = progressYears(s);
  const score = (v: ProgressValue) => toScore(v);
  const path = years.map((y) => {
    const t = targetFor(s.targets, y);
    if (!t || !s.baseline || y < s.baseline.year) return null;
    return Math.round(expectedOnPath(s.baseline, t, y) * 100) / 100;
  });
  const byYear = (list: readonly YearValue[]) => new Map(list.map((v) => [v.year, score(v.value)]));
  const values = byYear(s.values);
  const targets = byYear(s.targets);
  if (s.baseline && !values.has(s.baseline.year)) values.set(s.baseline.year, score(s.baseline.value));
  return {
    type: 'line',
    data: {
      labels: years.map(String),
      datasets: [
        {
          label: words.path,
          data: path,
          borderColor: '#7a8794',
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          spanGaps: true,
          clip: false,
        },
        {
          label: words.targets,
          data: years.map((y) => targets.get(y) ?? null),
          showLine: false,
          pointStyle: 'triangle',
          pointRadius: 6,
          backgroundColor: OKABE_ITO.orange,
          borderColor: OKABE_ITO.black,
          borderWidth: 1,
          clip: false,
        },
        {
          label: words.reported,
          data: years.map((y) => values.get(y) ?? null),
          borderColor: OKABE_ITO.blue,
          backgroundColor: OKABE_ITO.blue,
          borderWidth: 2,
          pointRadius: 4,
          spanGaps: true,
          clip: false,
        },
      ],
    },
    options: {
      animation: false,
      // Room above the top level (E): a value at E is drawn whole.
      layout: { padding: { top: 8 } },
      scales: {
        x: { grid: { display: false } },
        y: s.isLevel
          ? { min: 0, max: 5, ticks: { stepSize: 1, callback: (v) => scoreTickLabel(v) } }
          : { beginAtZero: true },
      },
      plugins: { legend: { position: 'bottom', labels: { boxHeight: 8 } } },
    },
  };
}

/** The progress chart's height in px (one line chart, whatever the number of years). */
export const PROGRESS_CHART_HEIGHT = 280;
