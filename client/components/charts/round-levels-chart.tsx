import type { ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';
import {
  type RoundLevelsChartData,
  type RoundSegmentLabel,
  roundLevelsChartConfig,
} from '../../../shared/charts/round-levels-chart';
import type { LevelDistribution } from '../../../shared/domain/peer-stats';

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
  const { dir } = useI18n();
  const config = roundLevelsChartConfig(data, bars, { axisTitle, segmentLabel });
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div
      className="chart-frame chart-frame--tall"
      style={{ height: `${Math.max(240, data.labels.length * 34 + 90)}px` }}
    >
      <Chart<'bar', number[], string[]>
        type="bar"
        data={data}
        options={options}
        plugins={config.plugins}
        role="img"
        aria-label={label}
        data-testid="round-levels-chart"
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}

export default RoundLevelsChart;
