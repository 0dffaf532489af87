import { Link } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useHeatmap } from '../features/compare/api/get-heatmap';
import { BiggestMovers } from '../features/compare/components/biggest-movers';
import { CaseStudyNote } from '../features/compare/components/case-study-note';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { LevelCountTable } from '../features/compare/components/level-count-table';
import { type GroupSelection, groupQuery, isComplete, viewSearch } from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';
import { useRounds } from '../features/rounds/api/get-rounds';
import { TRACSS } from '../lib/tracss';

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 4: a facilitator's dashboard of a group — level counts per indicator, who did not answer. */
export function GroupsPage() {
  const { selection, caseStudy, setSelection } = useGroupParams(FALLBACK);
  const ready = isComplete(selection);
  const heatmap = useHeatmap(
    { framework: TRACSS.framework, period: TRACSS.period, ...groupQuery(selection) },
    { enabled: ready },
  );
  const data = heatmap.data;
  const silent = data?.countries.filter((c) => c.answered === 0) ?? [];
  const answered = (data?.countries.length ?? 0) - silent.length;
  const rounds = useRounds();
  const latest = rounds.data?.items.filter((r) => r.code !== TRACSS.framework).at(-1);
  const caseName = data?.countries.find((c) => c.iso3 === caseStudy)?.name ?? caseStudy;

  return (
    <>
      <title>Group dashboard — NAP Tracker</title>
      <h1>Group dashboard</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <GroupPicker value={selection} onChange={setSelection} />
      <CaseStudyNote name={caseName} />
      {!ready ? (
        <p className="notice">Add at least one country to the group.</p>
      ) : heatmap.isPending ? (
        <LoadingState label="Loading the group …" rows={6} />
      ) : heatmap.isError || !data ? (
        <ErrorState
          title="Could not load the group"
          error={heatmap.error}
          onRetry={() => void heatmap.refetch()}
        />
      ) : (
        <>
          <section className="stats" aria-label="Group summary">
            <div className="stat">
              <span className="stat__value">{data.countries.length}</span>
              <span className="stat__label">members ({data.group.label})</span>
            </div>
            <div className="stat">
              <span className="stat__value">{answered}</span>
              <span className="stat__label">answered {TRACSS.label}</span>
            </div>
            <div className="stat">
              <span className="stat__value">{silent.length}</span>
              <span className="stat__label">without an answer</span>
            </div>
          </section>
          <ul className="link-list">
            <li>
              <Link to={{ pathname: '/compare/heatmap', search: viewSearch(selection, caseStudy) }}>
                Heatmap of the group
              </Link>
            </li>
            <li>
              <Link
                to={{
                  pathname: '/compare',
                  search: viewSearch(selection, caseStudy, { country: caseStudy ?? 'JOR' }),
                }}
              >
                {caseName ?? 'A country'} against the group
              </Link>
            </li>
            <li>
              <Link to={{ pathname: '/compare/map', search: viewSearch(selection, caseStudy) }}>
                Map of the group
              </Link>
            </li>
          </ul>
          <section className="section" aria-label="Levels per indicator">
            <h2>Countries at each level, per indicator</h2>
            <LevelCountTable
              indicators={data.indicators}
              members={data.countries.length}
              caption={`${data.group.label}: members at each level on each ${TRACSS.label} A–E indicator`}
              mapSearch={(code) => viewSearch(selection, caseStudy, { indicator: code })}
            />
          </section>
          {latest ? (
            <BiggestMovers
              from={TRACSS.framework}
              to={latest.code}
              toLabel={latest.name}
              selection={selection}
              caseStudy={caseStudy}
            />
          ) : (
            <p className="muted small">
              Change between rounds (who improved, who regressed) needs a second TrACSS round; only{' '}
              {TRACSS.label} is loaded.
            </p>
          )}
          <section className="section" aria-label="Without an answer">
            <h2>Without an answer ({silent.length})</h2>
            {silent.length === 0 ? (
              <p>Every member answered {TRACSS.label}.</p>
            ) : (
              <ul className="inline-list">
                {silent.map((c) => (
                  <li key={c.iso3}>
                    <Link to={`/countries/${c.iso3}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
