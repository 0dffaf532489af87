import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import {
  type CompareChartData,
  type CompareChartType,
  type ComparePoint,
  compareChartConfig,
} from '../../../shared/charts/compare-chart';

/**
 * Thin typed wrapper: a mixed bar + marker chart of a country against its peers.
 * The chart is an image for assistive technology; callers render the same numbers as a table.
 */
export function CompareChart({
  data,
  label,
  axes,
}: {
  data: CompareChartData;
  label: string;
  /** Axis titles in the interface language. */
  axes?: { x: string; y: string };
}) {
  const { dir } = useI18n();
  const config = compareChartConfig(data, axes);
  const options: ChartOptions<CompareChartType> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'x',
  );
  return (
    <div className="chart-frame">
      <Chart<CompareChartType, ComparePoint[], string>
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
