import { LoadingState } from './loading-state';

/**
 * What a chart's place shows while its code (Chart.js, or the map's) is still on its way: the chart's
 * frame, as high as the chart will be (each chart's height is one function of shared/charts, used by the
 * chart and by this placeholder), with the loading label, so that nothing below it moves when it is
 * drawn. The pages render without waiting for a chart's code: on a slow link the page is laid out while
 * Chart.js downloads.
 */
export function ChartPlaceholder({
  label,
  height,
  map = false,
}: {
  label: string;
  /** Of the chart's frame, in px; omitted: the frame's own (.chart-frame, .chart-frame--map). */
  height?: number;
  /** The map's frame (chart-frame--map). */
  map?: boolean;
}) {
  return (
    <div
      className={map ? 'chart-frame chart-frame--map' : 'chart-frame'}
      style={height === undefined ? undefined : { height: `${height}px` }}
    >
      <LoadingState label={label} rows={1} />
    </div>
  );
}
