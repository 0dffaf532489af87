import type { ChartConfiguration } from 'chart.js';
import type { ChangePair } from '../api/change';
import { LEVELS, type Level } from '../constants/level';
import { distributionShares, type LevelDistribution } from '../domain/peer-stats';
import { levelShareDatasets, levelSharesConfig } from './level-shares';

export interface RoundLevelsChartData {
  /** Two lines per bar: the question's code in that round, then the round's name. */
  labels: string[][];
  datasets: {
    label: string;
    data: number[];
    backgroundColor: string;
    borderColor: string;
    borderWidth: number;
    stack: string;
  }[];
}

/** The counts behind each bar, in the bars' order: one bar per round of each compared pair. */
export function roundLevelBars(pairs: readonly ChangePair[]): LevelDistribution[] {
  return pairs.flatMap((p) => [p.levels.from, p.levels.to]);
}

/**
 * A group's levels in each round on each compared question: two stacked bars of shares (0–100 %) per
 * pair, the earlier round's above the later's, one dataset per level A–E in the level colours (the
 * letters are written in the bars by levelLettersPlugin of level-shares.ts). `mark` adds a word to a pair's code, e.g.
 * "(caution)" for reworded levels, so the bars say it too.
 */
export function roundLevelsChartData(
  pairs: readonly ChangePair[],
  rounds: { from: string; to: string },
  opts: { levelWord?: string; mark?: (p: ChangePair) => string } = {},
): RoundLevelsChartData {
  const shares = roundLevelBars(pairs).map(distributionShares);
  const mark = (p: ChangePair) => {
    const m = opts.mark?.(p);
    return m ? ` ${m}` : '';
  };
  return {
    labels: pairs.flatMap((p) => [
      [`${p.from.code}${mark(p)}`, rounds.from],
      [`${p.to.code}${mark(p)}`, rounds.to],
    ]),
    datasets: levelShareDatasets(shares, opts.levelWord ?? 'Level'),
  };
}

/** One segment's tooltip, e.g. "Level C: 45 % (9 of 20)", in the reader's language. */
export type RoundSegmentLabel = (s: { level: Level; share: number; count: number; n: number }) => string;

const englishSegment: RoundSegmentLabel = ({ level, share, count, n }) =>
  `Level ${level}: ${share} % (${count} of ${n})`;

/** Stacked horizontal bars without the page-only settings (responsive, size), which callers add. */
export function roundLevelsChartConfig(
  data: RoundLevelsChartData,
  bars: readonly LevelDistribution[],
  opts: { axisTitle?: string; fontFamily?: string; segmentLabel?: RoundSegmentLabel } = {},
): ChartConfiguration<'bar', number[], string[]> {
  const label = opts.segmentLabel ?? englishSegment;
  return levelSharesConfig(data, {
    axisTitle: opts.axisTitle ?? 'Share of the members who answered',
    fontFamily: opts.fontFamily,
    segment: (level, share, i) => {
      const bar = bars[i];
      const n = bar ? LEVELS.reduce((a, l) => a + bar[l], 0) : 0;
      return label({ level, share, count: bar?.[level] ?? 0, n });
    },
  });
}

/** The round-levels chart's height in px for this many bars (two per question pair, the axes around). */
export const roundLevelsChartHeight = (bars: number) => Math.max(240, bars * 34 + 90);
