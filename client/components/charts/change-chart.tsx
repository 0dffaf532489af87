import { type ChangeChartData, changeChartConfig } from '../../../shared/charts/change-chart';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** Stacked bars of who improved, stayed, regressed or did not answer, per comparable question pair. */
export function ChangeChart({ data, label }: { data: ChangeChartData; label: string }) {
  return (
    <HorizontalBarChart
      config={changeChartConfig(data)}
      label={label}
      testId="change-chart"
      height={Math.max(200, data.labels.length * 40 + 90)}
    />
  );
}

export default ChangeChart;
