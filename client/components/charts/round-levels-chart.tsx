import {
  type RoundLevelsChartData,
  type RoundSegmentLabel,
  roundLevelsChartConfig,
  roundLevelsChartHeight,
} from '../../../shared/charts/round-levels-chart';
import type { LevelDistribution } from '../../../shared/domain/peer-stats';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** A group's A–E shares in each round, two bars per compared question; callers render the table too. */
export function RoundLevelsChart({
  data,
  bars,
  label,
  axisTitle,
  segmentLabel,
}: {
  data: RoundLevelsChartData;
  bars: readonly LevelDistribution[];
  label: string;
  axisTitle: string;
  segmentLabel: RoundSegmentLabel;
}) {
  return (
    <HorizontalBarChart
      config={roundLevelsChartConfig(data, bars, { axisTitle, segmentLabel })}
      label={label}
      testId="round-levels-chart"
      height={roundLevelsChartHeight(data.labels.length)}
      tall
    />
  );
}

export default RoundLevelsChart;
