import { lazy, Suspense, useId } from 'react';
import type { SharedIndicator } from '../../shared';
import { targetChartData } from '../components/charts/target-chart-data';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useSharedIndicator } from '../features/compare/api/get-shared-indicator';
import { useSharedIndicators } from '../features/compare/api/get-shared-indicators';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { SharedIndicatorTable } from '../features/compare/components/shared-indicator-table';
import { type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';

const TargetChart = lazy(() => import('../components/charts/target-chart'));
const FALLBACK: GroupSelection = { groupType: 'all' };

function optionLabel(i: SharedIndicator): string {
  const fw = i.indicator.frameworkCode;
  const source = i.indicator.national ? `national, ${fw.slice('national-'.length).toUpperCase()}` : fw;
  const n = i.countries.length;
  return `${i.indicator.code} ${i.indicator.name} (${source}) — ${n} ${n === 1 ? 'country' : 'countries'}`;
}

/** View 5: an indicator that countries' plans share, side by side: latest value, % of target, status. */
export function CompareIndicatorsPage() {
  const id = useId();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const list = useSharedIndicators();
  const items = list.data?.items ?? [];
  const asked = Number(params.get('indicator'));
  const current = items.find((i) => i.indicator.id === asked) ?? items[0];
  const ready = isComplete(selection) && current !== undefined;
  const detail = useSharedIndicator(
    { indicatorId: current?.indicator.id ?? 0, ...groupQuery(selection) },
    { enabled: ready },
  );
  const data = detail.data;

  return (
    <>
      <title>Shared indicators — NAP Tracker</title>
      <h1>Shared indicators</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <p className="muted">
        Indicators that countries’ action plans track, side by side: each country’s latest value, the target
        in force, the share of the planned change achieved (% of target) and whether it is on track.
      </p>
      <GroupPicker value={selection} onChange={setSelection} />
      {list.isPending ? (
        <LoadingState label="Loading the indicators …" rows={2} />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the indicators"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <p className="notice">No plan you may see tracks an indicator yet.</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-indicator`}>Indicator</label>
          <select
            id={`${id}-indicator`}
            value={String(current?.indicator.id ?? '')}
            onChange={(e) => setValues({ indicator: e.target.value })}
          >
            {items.map((i) => (
              <option key={i.indicator.id} value={String(i.indicator.id)}>
                {optionLabel(i)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!ready ? null : detail.isPending ? (
        <LoadingState label="Loading the indicator …" rows={3} />
      ) : detail.isError ? (
        <ErrorState
          title="Could not load the indicator"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : data ? (
        <section className="section" aria-labelledby="shared-heading">
          <h2 id="shared-heading">
            {data.indicator.code} {data.indicator.name} — {data.group.label}
          </h2>
          {data.rows.length === 0 ? (
            <p className="notice">No plan of this group’s members that you may see tracks this indicator.</p>
          ) : (
            <>
              {data.rows.length === 1 && (
                <p className="notice">
                  Only {data.rows[0]?.name}’s plan tracks this indicator in this group: nothing to compare it
                  with yet.
                </p>
              )}
              {data.rows.some((r) => r.illustrative) && (
                <p className="muted small">
                  Targets marked <span className="badge badge--illustrative">Illustrative</span> are demo data
                  filling a gap in what the plan published.
                </p>
              )}
              <Suspense fallback={<LoadingState label="Drawing the chart …" rows={2} />}>
                <TargetChart
                  data={targetChartData(data.rows)}
                  label={`% of target per country, ${data.indicator.code} ${data.indicator.name}, ${data.group.label}`}
                />
              </Suspense>
              <SharedIndicatorTable
                data={data}
                caption={`${data.indicator.code} ${data.indicator.name}: latest value, target, % of target and status per country`}
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
