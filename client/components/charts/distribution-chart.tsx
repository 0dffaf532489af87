import type { ChartOptions, Plugin, TooltipItem } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import './register';
import { type CompareRow, LEVELS, type Level } from '../../../shared';
import { type DistributionChartData, distributionPointLabel } from './distribution-chart-data';
import { LEVEL_COLOURS } from './palette';

/** Narrowest segment (px) that gets its level letter written inside. */
const MIN_LETTER_WIDTH = 14;

/** Writes each segment's level letter inside it: the chart never relies on colour alone. */
const levelLetters: Plugin<'bar'> = {
  id: 'levelLetters',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = 'bold 11px system-ui, sans-serif';
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

function optionsFor(rows: readonly CompareRow[]): ChartOptions<'bar'> {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: {
        stacked: true,
        min: 0,
        max: 100,
        ticks: { callback: (v) => `${v} %` },
        title: { display: true, text: 'Share of the group’s answers' },
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
            ),
        },
      },
    },
  };
}

/** Stacked horizontal bars of a group's A–E shares per indicator; callers render the table too. */
export function DistributionChart({
  data,
  rows,
  label,
}: {
  data: DistributionChartData;
  rows: readonly CompareRow[];
  label: string;
}) {
  return (
    <div
      className="chart-frame chart-frame--tall"
      style={{ height: `${Math.max(240, rows.length * 38 + 90)}px` }}
    >
      <Chart<'bar', number[], string[]>
        type="bar"
        data={data}
        options={optionsFor(rows)}
        plugins={[levelLetters]}
        role="img"
        aria-label={label}
        data-testid="distribution-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default DistributionChart;
