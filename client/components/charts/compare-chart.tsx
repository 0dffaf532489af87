import type { ChartOptions, TooltipItem } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import './register';
import {
  type CompareChartData,
  type ComparePoint,
  comparePointLabel,
  scoreTickLabel,
} from './compare-chart-data';

type CompareType = 'bar' | 'line';

const options: ChartOptions<CompareType> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
  scales: {
    x: {
      title: { display: true, text: 'TrACSS indicator' },
      grid: { display: false },
    },
    y: {
      min: 0,
      max: 5,
      ticks: { stepSize: 1, callback: (value) => scoreTickLabel(value) },
      title: { display: true, text: 'Level (A lowest … E highest)' },
    },
  },
  plugins: {
    // Datasets are drawn in `order` (median on top); the legend keeps their data order.
    legend: { position: 'bottom', labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
    tooltip: {
      callbacks: {
        label: (item: TooltipItem<CompareType>) =>
          comparePointLabel(item.dataset.label ?? '', item.raw as ComparePoint),
      },
    },
  },
};

/**
 * Thin typed wrapper: a mixed bar + marker chart of a country against its peers.
 * The chart is an image for assistive technology; callers render the same numbers as a table.
 */
export function CompareChart({ data, label }: { data: CompareChartData; label: string }) {
  return (
    <div className="chart-frame">
      <Chart<CompareType, ComparePoint[], string>
        type="bar"
        data={data}
        options={options}
        role="img"
        aria-label={label}
        data-testid="compare-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default CompareChart;
