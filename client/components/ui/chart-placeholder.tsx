import { LoadingState } from './loading-state';

/**
 * What a chart's place shows while its code (Chart.js) is still on its way: the chart's frame, as high
 * as the chart will be, with the loading label, so that nothing below it moves when it is drawn. The
 * pages that land on a chart render without waiting for its code (client/routes/country.tsx,
 * client/routes/compare.tsx): on a slow link the page is laid out while Chart.js downloads.
 */
export function ChartPlaceholder({ label, height }: { label: string; height?: number }) {
  return (
    <div className="chart-frame" style={height === undefined ? undefined : { height: `${height}px` }}>
      <LoadingState label={label} rows={1} />
    </div>
  );
}
