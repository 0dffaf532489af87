import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useHeatmap } from '../features/compare/api/get-heatmap';
import { CaseStudyNote } from '../features/compare/components/case-study-note';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { HeatmapTable } from '../features/compare/components/heatmap-table';
import { type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { sortFromSearchParams, sortHeatmapRows } from '../features/compare/heatmap-sort';
import { useCaseStudyRow } from '../features/compare/use-case-study-row';
import { useGroupParams } from '../features/compare/use-group-params';
import { TRACSS } from '../lib/tracss';

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 2: countries × A–E indicators of a group, sortable by country, region and score. */
export function CompareHeatmapPage() {
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const sort = sortFromSearchParams(params);
  const ready = isComplete(selection);
  const heatmap = useHeatmap(
    { framework: TRACSS.framework, period: TRACSS.period, ...groupQuery(selection) },
    { enabled: ready },
  );
  const pin = useCaseStudyRow(heatmap.data, caseStudy, TRACSS.period);
  const answered = useMemo(
    () =>
      sortHeatmapRows(
        (heatmap.data?.countries ?? []).filter((c) => c.answered > 0 && c.iso3 !== caseStudy),
        sort,
      ),
    [heatmap.data, sort, caseStudy],
  );
  const silent = heatmap.data?.countries.filter((c) => c.answered === 0) ?? [];
  const pinned = pin.row && pin.row.answered > 0 ? pin.row : undefined;

  return (
    <>
      <title>Heatmap — NAP Tracker</title>
      <h1>Heatmap of a peer group</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <GroupPicker value={selection} onChange={setSelection} />
      <CaseStudyNote name={pin.row?.name ?? caseStudy} />
      {!ready ? (
        <p className="notice">Add at least one country to the group.</p>
      ) : heatmap.isPending ? (
        <LoadingState label="Loading the heatmap …" rows={6} />
      ) : heatmap.isError ? (
        <ErrorState
          title="Could not load the heatmap"
          error={heatmap.error}
          onRetry={() => void heatmap.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading">
            {heatmap.data.group.label}, {TRACSS.label}
          </h2>
          <p className="muted" aria-live="polite">
            {heatmap.isPlaceholderData
              ? 'Updating …'
              : `${answered.length + (pin.member && pinned ? 1 : 0)} of ${heatmap.data.countries.length} members answered ${TRACSS.label}.`}
            {pinned &&
              !pin.member &&
              ` ${pinned.name} (case study) is not in this group; its row is shown first for reference.`}
          </p>
          <HeatmapTable
            indicators={heatmap.data.indicators}
            rows={answered}
            pinned={pinned}
            sort={sort}
            onSort={(s) => setValues({ sort: s.key, dir: s.dir })}
            caption={`${heatmap.data.group.label}: level of each country on each ${TRACSS.label} A–E indicator`}
          />
          {silent.length > 0 && (
            <p>
              <strong>No answer ({silent.length}):</strong>{' '}
              {silent.map((c, i) => (
                <span key={c.iso3}>
                  {i > 0 && ', '}
                  <Link to={`/countries/${c.iso3}`}>{c.name}</Link>
                </span>
              ))}
            </p>
          )}
        </section>
      )}
    </>
  );
}
