import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { LEVELS, type Level } from '../constants/level';
import type { LevelDistribution } from '../domain/peer-stats';
import { horizontalBarConfig } from './horizontal-bars';
import { LEVEL_COLOURS } from './palette';

// What the charts of A–E shares share (a group's distribution per indicator, a group's levels per round):
// one stacked dataset per level in the level colours, each segment's letter written inside it.

/** One stacked dataset per level A–E, in the level colours: each bar's shares in %, to one decimal. */
export function levelShareDatasets(shares: readonly LevelDistribution[], levelWord: string) {
  return LEVELS.map((level) => ({
    label: `${levelWord} ${level}`,
    data: shares.map((s) => Math.round(s[level] * 1000) / 10),
    backgroundColor: LEVEL_COLOURS[level].fill,
    borderColor: '#5a6675',
    borderWidth: 0.5,
    stack: 'levels',
  }));
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

/**
 * Stacked horizontal bars of shares (0–100 %) with the level letters written in, without the page-only
 * settings (responsive, size), which callers add. `segment` words one segment's tooltip.
 */
export function levelSharesConfig(
  data: ChartConfiguration<'bar', number[], string[]>['data'],
  opts: {
    axisTitle: string;
    fontFamily?: string;
    segment: (level: Level, share: number, bar: number) => string;
  },
): ChartConfiguration<'bar', number[], string[]> {
  return horizontalBarConfig(data, {
    draw: [levelLettersPlugin(opts.fontFamily)],
    scales: {
      x: {
        stacked: true,
        min: 0,
        max: 100,
        ticks: { callback: (v) => `${v} %` },
        title: { display: true, text: opts.axisTitle },
      },
      y: { stacked: true, grid: { display: false } },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<'bar'>) =>
            opts.segment(LEVELS[item.datasetIndex] as Level, item.raw as number, item.dataIndex),
        },
      },
    },
  });
}
