import { type TargetChartData, targetChartConfig } from '../../../shared/charts/target-chart';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** % of target per country as horizontal bars. Callers render the same numbers as a table. */
export function TargetChart({ data, label }: { data: TargetChartData; label: string }) {
  return (
    <HorizontalBarChart
      config={targetChartConfig(data)}
      label={label}
      testId="target-chart"
      height={Math.max(160, data.labels.length * 40 + 80)}
    />
  );
}

export default TargetChart;
