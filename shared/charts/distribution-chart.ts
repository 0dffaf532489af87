import type { ChartConfiguration, ChartData } from 'chart.js';
import type { CompareRow } from '../api/compare';
import type { Level } from '../constants/level';
import { distributionShares } from '../domain/peer-stats';
import { levelShareDatasets, levelSharesConfig } from './level-shares';

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
  levelWord = 'Level',
): DistributionChartData {
  const shares = rows.map((r) => distributionShares(r.stats.distribution));
  return {
    labels: rows.map((r) => {
      const who = labelled.map((c) => levelText(c, r.indicator.code)).join(' · ');
      return who ? [r.indicator.code, who] : [r.indicator.code];
    }),
    datasets: levelShareDatasets(shares, levelWord),
  };
}

/** One segment's tooltip in the reader's language; the numbers come already worked out. */
export type SegmentLabel = (s: {
  level: Level;
  share: number;
  count: number | null;
  n: number | null;
}) => string;

/** English default: "Level C: 45 % (9 of 20)". */
const englishSegment: SegmentLabel = ({ level, share, count, n }) =>
  `Level ${level}: ${share} %${count === null ? '' : ` (${count} of ${n})`}`;

/** Tooltip text of one segment. */
export function distributionPointLabel(
  row: CompareRow | undefined,
  level: Level,
  share: number,
  label: SegmentLabel = englishSegment,
): string {
  return label({
    level,
    share,
    count: row ? row.stats.distribution[level] : null,
    n: row ? row.stats.n : null,
  });
}

/** The chart without the page-only settings (responsive, size), which callers add. */
export function distributionChartConfig(
  data: DistributionChartData,
  rows: readonly CompareRow[],
  opts: { axisTitle?: string; fontFamily?: string; segmentLabel?: SegmentLabel } = {},
): ChartConfiguration<'bar', number[], string[]> {
  return levelSharesConfig(data, {
    axisTitle: opts.axisTitle ?? 'Share of the group’s answers',
    fontFamily: opts.fontFamily,
    segment: (level, share, i) => distributionPointLabel(rows[i], level, share, opts.segmentLabel),
  });
}

/** The page's distribution chart's height in px for this many indicators (a bar each, the axes around). */
export const distributionChartHeight = (indicators: number) => Math.max(240, indicators * 38 + 90);
