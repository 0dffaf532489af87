import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import { implementationChartConfig, type RateRow } from '../../../shared/charts/implementation-chart';

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
  const { dir, t } = useI18n();
  const config = implementationChartConfig(rows, undefined, {
    computed: t('impl.computed'),
    published: t('impl.published'),
  });
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div
      className="chart-frame"
      style={{ height: `${Math.max(160, rows.length * 36 * config.data.datasets.length + 60)}px` }}
    >
      <Chart<'bar', (number | null)[], string>
        type="bar"
        data={config.data}
        options={options}
        role="img"
        aria-label={label}
        data-testid={testId}
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default ImplementationChart;
