import {
  type ChangeChartData,
  changeChartConfig,
  changeChartHeight,
} from '../../../shared/charts/change-chart';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** Stacked bars of who improved, stayed, regressed or did not answer, per comparable question pair. */
export function ChangeChart({ data, label }: { data: ChangeChartData; label: string }) {
  return (
    <HorizontalBarChart
      config={changeChartConfig(data)}
      label={label}
      testId="change-chart"
      height={changeChartHeight(data.labels.length)}
    />
  );
}

export default ChangeChart;
