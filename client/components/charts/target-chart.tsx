import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import './register';
import type { TargetChartData } from './target-chart-data';

const OPTIONS: ChartOptions<'bar'> = {
  indexAxis: 'y',
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  scales: {
    x: {
      suggestedMin: 0,
      suggestedMax: 100,
      title: { display: true, text: '% of target (100 = target met)' },
    },
    y: { grid: { display: false } },
  },
  plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `${i.raw} % of target` } } },
};

/** % of target per country as horizontal bars. Callers render the same numbers as a table. */
export function TargetChart({ data, label }: { data: TargetChartData; label: string }) {
  return (
    <div className="chart-frame" style={{ height: `${Math.max(160, data.labels.length * 40 + 80)}px` }}>
      <Chart<'bar', (number | null)[], string>
        type="bar"
        data={data}
        options={OPTIONS}
        role="img"
        aria-label={label}
        data-testid="target-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default TargetChart;
