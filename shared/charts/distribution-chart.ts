import type { ChartConfiguration, ChartData, Plugin, TooltipItem } from 'chart.js';
import type { CompareRow } from '../api/compare';
import { LEVELS, type Level } from '../constants/level';
import { distributionShares } from '../domain/peer-stats';
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
  levelWord = 'Level',
): DistributionChartData {
  const shares = rows.map((r) => distributionShares(r.stats.distribution));
  return {
    labels: rows.map((r) => {
      const who = labelled.map((c) => levelText(c, r.indicator.code)).join(' · ');
      return who ? [r.indicator.code, who] : [r.indicator.code];
    }),
    datasets: LEVELS.map((level) => ({
      label: `${levelWord} ${level}`,
      data: shares.map((s) => Math.round(s[level] * 1000) / 10),
      backgroundColor: LEVEL_COLOURS[level].fill,
      borderColor: '#5a6675',
      borderWidth: 0.5,
      stack: 'levels',
    })),
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

/** Narrowest segment (px) that gets its level letter written inside. */
const MIN_LETTER_WIDTH = 14;

/** Writes each segment's level letter inside it: the chart never relies on colour alone. */
export function levelLettersPlugin(fontFamily = 'system-ui, sans-serif'): Plugin<'bar'> {
  return {
    id: 'levelLetters',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `bold 11px ${fontFamily}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, i) => {
        const level = LEVELS[i] as Level;
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        for (const bar of meta.data) {
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as {
            x: number;
            y: number;
            base: number;
          };
          if (Math.abs(x - base) < MIN_LETTER_WIDTH) continue;
          ctx.fillStyle = LEVEL_COLOURS[level].ink;
          ctx.fillText(level, (x + base) / 2, y);
        }
      });
      ctx.restore();
    },
  };
}

/** The chart without the page-only settings (responsive, size), which callers add. */
export function distributionChartConfig(
  data: DistributionChartData,
  rows: readonly CompareRow[],
  opts: { axisTitle?: string; fontFamily?: string; segmentLabel?: SegmentLabel } = {},
): ChartConfiguration<'bar', number[], string[]> {
  return {
    type: 'bar',
    data,
    plugins: [levelLettersPlugin(opts.fontFamily)],
    options: {
      indexAxis: 'y',
      animation: false,
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: 100,
          ticks: { callback: (v) => `${v} %` },
          title: { display: true, text: opts.axisTitle ?? 'Share of the group’s answers' },
        },
        y: { stacked: true, grid: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              distributionPointLabel(
                rows[item.dataIndex],
                LEVELS[item.datasetIndex] as Level,
                item.raw as number,
                opts.segmentLabel,
              ),
          },
        },
      },
    },
  };
}
