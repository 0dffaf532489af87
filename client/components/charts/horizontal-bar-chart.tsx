import type { ChartConfiguration, ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useI18n } from '../../i18n/context';
import { withDirection } from '../../i18n/rtl';
import './register';

/**
 * A horizontal bar chart (a config from shared/charts) in a frame of the given height, laid out in the
 * interface language's direction. The chart is an image for assistive technology; callers render the
 * same numbers as a table.
 */
export function HorizontalBarChart<TData extends unknown[], TLabel>({
  config,
  label,
  testId,
  height,
  tall = false,
}: {
  config: ChartConfiguration<'bar', TData, TLabel>;
  label: string;
  testId: string;
  /** Of the frame, in px. */
  height: number;
  /** A frame for long lists of bars (chart-frame--tall). */
  tall?: boolean;
}) {
  const { dir } = useI18n();
  const options: ChartOptions<'bar'> = withDirection(
    { ...config.options, responsive: true, maintainAspectRatio: false },
    dir,
    'y',
  );
  return (
    <div className={tall ? 'chart-frame chart-frame--tall' : 'chart-frame'} style={{ height: `${height}px` }}>
      <Chart<'bar', TData, TLabel>
        type="bar"
        data={config.data}
        options={options}
        plugins={config.plugins}
        role="img"
        aria-label={label}
        data-testid={testId}
        fallbackContent={<p>{label}</p>}
      />
    </div>
  );
}
