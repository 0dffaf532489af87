import type { ChartOptions } from 'chart.js';
import { useEffect } from 'react';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import { afterPaint } from '../../lib/after-paint';
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
  onDrawn,
}: {
  data: CompareChartData;
  label: string;
  /** Axis titles in the interface language. */
  axes?: { x: string; y: string };
  /** Called once the chart has first been drawn and painted. */
  onDrawn?: () => void;
}) {
  const { dir } = useI18n();
  // Chart.js draws on creation (no animation), in the effect of the <Chart> below, which runs before this one.
  useEffect(() => (onDrawn ? afterPaint(onDrawn) : undefined), [onDrawn]);
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
