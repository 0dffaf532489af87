import type { ChartConfiguration, ChartOptions, Plugin } from 'chart.js';

type BarOptions = ChartOptions<'bar'>;

/** Horizontal bars drawn without animation, without the page-only settings (responsive, size), which callers add. */
export function horizontalBarConfig<TData extends unknown[], TLabel>(
  data: ChartConfiguration<'bar', TData, TLabel>['data'],
  parts: { scales: BarOptions['scales']; plugins: BarOptions['plugins']; draw?: Plugin<'bar'>[] },
): ChartConfiguration<'bar', TData, TLabel> {
  return {
    type: 'bar',
    data,
    ...(parts.draw ? { plugins: parts.draw } : {}),
    options: { indexAxis: 'y', animation: false, scales: parts.scales, plugins: parts.plugins },
  };
}
