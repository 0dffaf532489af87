import { Chart } from 'react-chartjs-2';
import '../../../components/charts/register';
import {
  PROGRESS_CHART_HEIGHT,
  type ProgressSeries,
  progressChartConfig,
} from '../../../../shared/charts/progress-chart';

/** Reported values against the target path (a line from the baseline to each target). */
export function ProgressChart({ series, label }: { series: ProgressSeries; label: string }) {
  const config = progressChartConfig(series);
  return (
    <div className="chart-frame" style={{ height: `${PROGRESS_CHART_HEIGHT}px` }}>
      <Chart<'line', (number | null)[], string>
        type="line"
        data={config.data}
        options={{ ...config.options, responsive: true, maintainAspectRatio: false }}
        role="img"
        aria-label={label}
        data-testid="progress-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default ProgressChart;
