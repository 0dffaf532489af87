import { lazy, Suspense, useId, useMemo } from 'react';
import { indicatorRows, levelCounts } from '../components/charts/map-data';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useHeatmap } from '../features/compare/api/get-heatmap';
import { CaseStudyNote } from '../features/compare/components/case-study-note';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { MapLegend } from '../features/compare/components/map-legend';
import { MapTable } from '../features/compare/components/map-table';
import { type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';
import { TRACSS } from '../lib/tracss';

// The map carries d3-geo and the world's shapes (~60 kB gzip): load it only on this page.
const ChoroplethMap = lazy(() => import('../components/charts/choropleth-map'));
const FALLBACK: GroupSelection = { groupType: 'all' };

/** View 3: a choropleth world map of one indicator's levels, with its key and its table. */
export function CompareMapPage() {
  const id = useId();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const ready = isComplete(selection);
  const heatmap = useHeatmap(
    { framework: TRACSS.framework, period: TRACSS.period, ...groupQuery(selection) },
    { enabled: ready },
  );
  const indicators = heatmap.data?.indicators ?? [];
  const code = indicators.some((i) => i.code === params.get('indicator'))
    ? (params.get('indicator') as string)
    : (indicators[0]?.code ?? '');
  const indicator = indicators.find((i) => i.code === code);
  const rows = useMemo(() => (heatmap.data ? indicatorRows(heatmap.data, code) : []), [heatmap.data, code]);
  const counts = levelCounts(rows);
  const caseName = heatmap.data?.countries.find((c) => c.iso3 === caseStudy)?.name ?? caseStudy;
  const title = indicator ? `${indicator.code} ${indicator.name}` : '';

  return (
    <>
      <title>Map — NAP Tracker</title>
      <h1>Map of one indicator</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <div className="picker-row">
        <div className="field">
          <label htmlFor={`${id}-indicator`}>Indicator</label>
          <select
            id={`${id}-indicator`}
            value={code}
            disabled={indicators.length === 0}
            onChange={(e) => setValues({ indicator: e.target.value })}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.code}>
                {i.code} {i.name}
              </option>
            ))}
          </select>
        </div>
        <GroupPicker value={selection} onChange={setSelection} />
      </div>
      <CaseStudyNote name={caseName} />
      {!ready ? (
        <p className="notice">Add at least one country to the group.</p>
      ) : heatmap.isPending ? (
        <LoadingState label="Loading the map data …" rows={4} />
      ) : heatmap.isError ? (
        <ErrorState
          title="Could not load the map data"
          error={heatmap.error}
          onRetry={() => void heatmap.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>
            {title} — {heatmap.data.group.label}, {TRACSS.label}
          </h2>
          <MapLegend counts={counts} showOutside={selection.groupType !== 'all'} />
          <Suspense fallback={<LoadingState label="Loading the map …" rows={1} />}>
            <ChoroplethMap
              rows={rows}
              caseStudy={caseStudy}
              label={`World map of ${heatmap.data.group.label} coloured by level on ${title}: ${counts.A} at A, ${counts.B} at B, ${counts.C} at C, ${counts.D} at D, ${counts.E} at E, ${counts.none} without an answer. The table below lists every country.`}
            />
          </Suspense>
          <details className="table-alternative" open>
            <summary>The same levels as a table</summary>
            <MapTable
              rows={rows}
              caseStudy={caseStudy}
              caption={`${title}: level of each member (${heatmap.data.group.label})`}
            />
          </details>
        </section>
      )}
    </>
  );
}
