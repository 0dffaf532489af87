import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import './register';
import type { ChangeChartData } from './change-chart-data';

const OPTIONS: ChartOptions<'bar'> = {
  indexAxis: 'y',
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  scales: {
    x: { stacked: true, min: 0, ticks: { precision: 0 }, title: { display: true, text: 'Members' } },
    y: { stacked: true, grid: { display: false } },
  },
  plugins: { legend: { position: 'bottom' } },
};

/** Stacked bars of who improved, stayed, regressed or did not answer, per comparable question pair. */
export function ChangeChart({ data, label }: { data: ChangeChartData; label: string }) {
  return (
    <div className="chart-frame" style={{ height: `${Math.max(200, data.labels.length * 40 + 90)}px` }}>
      <Chart<'bar', number[], string>
        type="bar"
        data={data}
        options={OPTIONS}
        role="img"
        aria-label={label}
        data-testid="change-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default ChangeChart;
