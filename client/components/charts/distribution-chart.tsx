import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import type { CompareRow } from '../../../shared';
import {
  type DistributionChartData,
  distributionChartConfig,
  type SegmentLabel,
} from '../../../shared/charts/distribution-chart';

/** Stacked horizontal bars of a group's A–E shares per indicator; callers render the table too. */
export function DistributionChart({
  data,
  rows,
  label,
  axisTitle,
  segmentLabel,
}: {
  data: DistributionChartData;
  rows: readonly CompareRow[];
  label: string;
  /** Axis title and tooltips in the interface language. */
  axisTitle: string;
  segmentLabel: SegmentLabel;
}) {
  const { dir } = useI18n();
  const config = distributionChartConfig(data, rows, { axisTitle, segmentLabel });
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div
      className="chart-frame chart-frame--tall"
      style={{ height: `${Math.max(240, rows.length * 38 + 90)}px` }}
    >
      <Chart<'bar', number[], string[]>
        type="bar"
        data={data}
        options={options}
        plugins={config.plugins}
        role="img"
        aria-label={label}
        data-testid="distribution-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default DistributionChart;
