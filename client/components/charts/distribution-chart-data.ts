import type { ChartData } from 'chart.js';
import { type CompareRow, distributionShares, LEVELS, type Level } from '../../../shared';
import { LEVEL_COLOURS } from './palette';

export type DistributionChartData = ChartData<'bar', number[], string[]>;

/** A country whose level is written beside each bar (the compared country, the case study). */
export interface LabelledCountry {
  name: string;
  /** Level per indicator code; a missing code is "no answer". */
  levels: ReadonlyMap<string, Level | null>;
}

/** "Jordan B" or "Jordan —" (no answer). */
function levelText(c: LabelledCountry, code: string): string {
  return `${c.name} ${c.levels.get(code) ?? '—'}`;
}

/**
 * A group's level distribution on each indicator as stacked horizontal bars of shares (0–100 %):
 * one dataset per level A–E, in the level colours, so the bars read left (A) to right (E).
 * Each bar's label has two lines: the indicator code, then the level of each labelled country
 * (letters, so nothing depends on colour).
 */
export function toDistributionChartData(
  rows: readonly CompareRow[],
  labelled: readonly LabelledCountry[] = [],
): DistributionChartData {
  const shares = rows.map((r) => distributionShares(r.stats.distribution));
  return {
    labels: rows.map((r) => {
      const who = labelled.map((c) => levelText(c, r.indicator.code)).join(' · ');
      return who ? [r.indicator.code, who] : [r.indicator.code];
    }),
    datasets: LEVELS.map((level) => ({
      label: `Level ${level}`,
      data: shares.map((s) => Math.round(s[level] * 1000) / 10),
      backgroundColor: LEVEL_COLOURS[level].fill,
      borderColor: '#5a6675',
      borderWidth: 0.5,
      stack: 'levels',
    })),
  };
}

/** Tooltip text of one segment: "Level C: 45 % (9 of 20)". */
export function distributionPointLabel(row: CompareRow | undefined, level: Level, share: number): string {
  const count = row ? ` (${row.stats.distribution[level]} of ${row.stats.n})` : '';
  return `Level ${level}: ${share} %${count}`;
}
