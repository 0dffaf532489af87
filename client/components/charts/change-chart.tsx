import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import { type ChangeChartData, changeChartConfig } from '../../../shared/charts/change-chart';

/** Stacked bars of who improved, stayed, regressed or did not answer, per comparable question pair. */
export function ChangeChart({ data, label }: { data: ChangeChartData; label: string }) {
  const { dir } = useI18n();
  const config = changeChartConfig(data);
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div className="chart-frame" style={{ height: `${Math.max(200, data.labels.length * 40 + 90)}px` }}>
      <Chart<'bar', number[], string>
        type="bar"
        data={data}
        options={options}
        role="img"
        aria-label={label}
        data-testid="change-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default ChangeChart;
