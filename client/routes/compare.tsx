import { lazy, Suspense, useId, useMemo } from 'react';
import { Link } from 'react-router';
import { type CompareRow, Iso3Schema, type Level } from '../../shared';
import { toDistributionChartData } from '../components/charts/distribution-chart-data';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useCompare } from '../features/compare/api/get-compare';
import { CaseStudyNote } from '../features/compare/components/case-study-note';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupCompareTable } from '../features/compare/components/group-compare-table';
import { GroupPicker } from '../features/compare/components/group-picker';
import {
  DEFAULT_CASE_STUDY,
  type GroupSelection,
  groupQuery,
  isComplete,
} from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';
import { useCountries } from '../features/countries/api/get-countries';
import { TRACSS } from '../lib/tracss';

const DistributionChart = lazy(() => import('../components/charts/distribution-chart'));
const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

const levelsByCode = (rows: readonly CompareRow[]) =>
  new Map<string, Level | null>(rows.map((r) => [r.indicator.code, r.countryLevel]));

/** View 1: one country against a peer group on every A–E indicator. */
export function ComparePage() {
  const id = useId();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const parsedCountry = Iso3Schema.safeParse(params.get('country') ?? '');
  const iso3 = parsedCountry.success ? parsedCountry.data : DEFAULT_CASE_STUDY;
  const countries = useCountries();
  const country = countries.data?.items.find((c) => c.iso3 === iso3);
  const caseCountry = countries.data?.items.find((c) => c.iso3 === caseStudy);
  const ready = isComplete(selection);
  const query = {
    framework: TRACSS.framework,
    period: TRACSS.period,
    country: iso3,
    ...groupQuery(selection),
  };
  const compare = useCompare(query, { enabled: ready });
  const pinCase = caseStudy !== null && caseStudy !== iso3;
  const caseCompare = useCompare({ ...query, country: caseStudy ?? iso3 }, { enabled: ready && pinCase });

  const name = country?.name ?? iso3;
  const caseLevels = useMemo(
    () => (pinCase && caseCompare.data ? levelsByCode(caseCompare.data.rows) : undefined),
    [pinCase, caseCompare.data],
  );
  const labelled = useMemo(() => {
    if (!compare.data) return [];
    const own = { name: compare.data.country.name, levels: levelsByCode(compare.data.rows) };
    return caseLevels ? [own, { name: caseCountry?.name ?? caseStudy ?? '', levels: caseLevels }] : [own];
  }, [compare.data, caseLevels, caseCountry, caseStudy]);
  const chartData = useMemo(
    () => (compare.data ? toDistributionChartData(compare.data.rows, labelled) : null),
    [compare.data, labelled],
  );

  return (
    <>
      <title>{`${name} against a peer group — NAP Tracker`}</title>
      <h1>Compare a country with a peer group</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} country={iso3} />
      <div className="picker-row">
        <div className="field">
          <label htmlFor={`${id}-country`}>Country</label>
          <select id={`${id}-country`} value={iso3} onChange={(e) => setValues({ country: e.target.value })}>
            {!country && <option value={iso3}>{iso3}</option>}
            {countries.data?.items.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <GroupPicker value={selection} onChange={setSelection} near={country} />
      </div>
      <CaseStudyNote name={caseStudy ? (caseCountry?.name ?? caseStudy) : null} />

      {!ready ? (
        <p className="notice">Add at least one country to the group to compare with.</p>
      ) : compare.isPending ? (
        <LoadingState label="Loading the comparison …" rows={4} />
      ) : compare.isError ? (
        <ErrorState
          title="Could not load the comparison"
          error={compare.error}
          onRetry={() => void compare.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>
            {compare.data.country.name} and the {compare.data.group.label} (
            {compare.data.group.members.length} members), {TRACSS.label}
          </h2>
          <p className="muted">
            Each bar splits the group&apos;s answers into levels A (lowest, left) to E (highest, right); the
            letters beside each bar are the level of {labelled.map((c) => c.name).join(' and of ')}.{' '}
            <Link to={`/countries/${compare.data.country.iso3}`}>
              {compare.data.country.name}&apos;s profile
            </Link>
          </p>
          {chartData && (
            <Suspense fallback={<LoadingState label="Loading the chart …" rows={1} />}>
              <DistributionChart
                data={chartData}
                rows={compare.data.rows}
                label={`Stacked bar chart: share of the ${compare.data.group.label} at each level A to E on ${compare.data.rows.length} TrACSS indicators, with ${compare.data.country.name}'s level beside each bar. The table below gives the same numbers.`}
              />
            </Suspense>
          )}
          <details className="table-alternative" open>
            <summary>The same numbers as a table</summary>
            <GroupCompareTable
              rows={compare.data.rows}
              countryName={compare.data.country.name}
              groupLabel={compare.data.group.label}
              caseStudy={
                caseLevels ? { name: caseCountry?.name ?? caseStudy ?? '', levels: caseLevels } : undefined
              }
            />
          </details>
        </section>
      )}
    </>
  );
}
