import { lazy, Suspense, useMemo } from 'react';
import type { CompareQuery } from '../../../../shared';
import { toCompareChartData } from '../../../components/charts/compare-chart-data';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useCompare } from '../api/get-compare';
import { CompareTable } from './compare-table';

// Chart.js is the heaviest dependency: load it only on pages that draw a chart.
const CompareChart = lazy(() => import('../../../components/charts/compare-chart'));

export function CompareSection({ query, countryName }: { query: CompareQuery; countryName: string }) {
  const compare = useCompare(query);
  const data = useMemo(
    () =>
      compare.data
        ? toCompareChartData(compare.data.rows, { country: countryName, group: compare.data.group.label })
        : null,
    [compare.data, countryName],
  );

  if (compare.isPending) return <LoadingState label="Loading the peer comparison …" rows={4} />;
  if (compare.isError) {
    return (
      <ErrorState
        title="Could not load the peer comparison"
        error={compare.error}
        onRetry={() => void compare.refetch()}
      />
    );
  }

  const { rows, group } = compare.data;
  const chartLabel =
    `Bar chart of ${countryName}'s level on ${rows.length} TrACSS indicators, from A (lowest) to E (highest), ` +
    `beside the middle half of the ${group.label} (${group.members.length} members) and its median. ` +
    'The table below gives the same numbers.';

  return (
    <>
      <p className="lede">
        The narrow dark-blue bar is {countryName}&apos;s level. The wide light bar behind it spans the middle
        half of the {group.label} (first to third quartile) and the diamond marks the group&apos;s median.
      </p>
      {data && (
        <Suspense fallback={<LoadingState label="Loading the chart …" rows={1} />}>
          <CompareChart data={data} label={chartLabel} />
        </Suspense>
      )}
      <details className="table-alternative" open>
        <summary>The same numbers as a table</summary>
        <CompareTable rows={rows} countryName={countryName} groupLabel={group.label} />
      </details>
    </>
  );
}
