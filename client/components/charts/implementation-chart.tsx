import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import './register';
import { implementationChartData, type RateRow } from './implementation-chart-data';

const options: ChartOptions<'bar'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  indexAxis: 'y',
  scales: {
    x: { min: 0, max: 100, title: { display: true, text: 'Implementation rate (%)' } },
    y: { grid: { display: false } },
  },
  plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `${i.raw} %` } } },
};

/** Thin wrapper: implementation rates as horizontal bars. Callers render the same numbers as a table. */
export function ImplementationChart({
  rows,
  label,
  testId,
}: {
  rows: RateRow[];
  label: string;
  testId: string;
}) {
  return (
    <div className="chart-frame" style={{ height: `${Math.max(160, rows.length * 36 + 60)}px` }}>
      <Chart<'bar', number[], string>
        type="bar"
        data={implementationChartData(rows, 'Implementation rate (%)')}
        options={options}
        role="img"
        aria-label={label}
        data-testid={testId}
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}
