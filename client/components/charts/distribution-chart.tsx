import type { CompareRow } from '../../../shared';
import {
  type DistributionChartData,
  distributionChartConfig,
  distributionChartHeight,
  type SegmentLabel,
} from '../../../shared/charts/distribution-chart';
import { HorizontalBarChart } from './horizontal-bar-chart';

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
  return (
    <HorizontalBarChart
      config={distributionChartConfig(data, rows, { axisTitle, segmentLabel })}
      label={label}
      testId="distribution-chart"
      height={distributionChartHeight(rows.length)}
      tall
    />
  );
}

export default DistributionChart;
