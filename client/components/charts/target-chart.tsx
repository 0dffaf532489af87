import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import { type TargetChartData, targetChartConfig } from '../../../shared/charts/target-chart';

/** % of target per country as horizontal bars. Callers render the same numbers as a table. */
export function TargetChart({ data, label }: { data: TargetChartData; label: string }) {
  const { dir } = useI18n();
  const config = targetChartConfig(data);
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div className="chart-frame" style={{ height: `${Math.max(160, data.labels.length * 40 + 80)}px` }}>
      <Chart<'bar', (number | null)[], string>
        type="bar"
        data={data}
        options={options}
        role="img"
        aria-label={label}
        data-testid="target-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default TargetChart;
