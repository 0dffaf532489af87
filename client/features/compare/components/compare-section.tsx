import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CompareQuery } from '../../../../shared';
import { toCompareChartData } from '../../../../shared/charts/compare-chart';
import { ChartPlaceholder } from '../../../components/ui/chart-placeholder';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { onDemand } from '../../../components/ui/on-demand';
import { useT } from '../../../i18n/context';
import { useCompare } from '../api/get-compare';
import { useGroupLabel } from '../use-group-label';
import { BasisNote } from './basis-note';
import { CompareTable } from './compare-table';

// Chart.js is the heaviest dependency: load it only on pages that draw a chart.
const CompareChart = onDemand(() => import('../../../components/charts/compare-chart'));

/** Loads the chart's code now: a comparison rendered after that draws its chart in its first render. */
export const preloadCompareChart = () => CompareChart.preload();

export function CompareSection({
  query,
  countryName,
  survey,
  onShown,
}: {
  query: CompareQuery;
  countryName: string;
  /** The round compared, named in the sentence saying which data and classification are used. */
  survey: string;
  /** Called once the comparison is on screen: its chart drawn, or its error shown. */
  onShown?: () => void;
}) {
  const compare = useCompare(query);
  const t = useT();
  const groupLabel = useGroupLabel();
  const data = useMemo(
    () =>
      compare.data
        ? toCompareChartData(
            compare.data.rows,
            { country: countryName, group: groupLabel(compare.data.group) },
            { middleHalf: t('chart.middleHalf'), median: t('chart.median') },
          )
        : null,
    [compare.data, countryName, t, groupLabel],
  );

  // The chart's code loads while the comparison does (a first render of its loading state otherwise).
  useEffect(() => void CompareChart.preload(), []);
  const settledWithoutChart = compare.isError || (compare.isSuccess && !data);
  useEffect(() => {
    if (settledWithoutChart) onShown?.();
  }, [settledWithoutChart, onShown]);
  // The same numbers as a table, rendered once the chart is on screen (it is below the chart).
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => {
    setDrawn(true);
    onShown?.();
  }, [onShown]);

  if (compare.isPending) return <LoadingState label={t('cmp.loading')} rows={4} />;
  if (compare.isError) {
    return (
      <ErrorState title={t('cmp.loadError')} error={compare.error} onRetry={() => void compare.refetch()} />
    );
  }

  const { rows, group } = compare.data;
  const chartLabel = t('cmp.chartLabel', {
    country: countryName,
    n: rows.length,
    group: groupLabel(group),
    members: group.members.length,
  });

  return (
    <>
      <p className="lede">{t('cmp.lede', { country: countryName, group: groupLabel(group) })}</p>
      <BasisNote source={compare.data.source} classification={group.classification} survey={survey} />
      {data && (
        <CompareChart
          fallback={<ChartPlaceholder label={t('common.loadingChart')} />}
          data={data}
          label={chartLabel}
          axes={{ x: t('chart.axisIndicator'), y: t('chart.axisLevel') }}
          onDrawn={onDrawn}
        />
      )}
      {(drawn || !data) && (
        <details className="table-alternative" open>
          <summary>{t('common.sameAsTable')}</summary>
          <CompareTable rows={rows} countryName={countryName} groupLabel={groupLabel(group)} />
        </details>
      )}
    </>
  );
}
