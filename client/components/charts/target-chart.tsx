import {
  type TargetChartData,
  targetChartConfig,
  targetChartHeight,
} from '../../../shared/charts/target-chart';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** % of target per country as horizontal bars. Callers render the same numbers as a table. */
export function TargetChart({ data, label }: { data: TargetChartData; label: string }) {
  return (
    <HorizontalBarChart
      config={targetChartConfig(data)}
      label={label}
      testId="target-chart"
      height={targetChartHeight(data.labels.length)}
    />
  );
}

export default TargetChart;
