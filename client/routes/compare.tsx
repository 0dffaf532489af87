import type { QueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { CompareRow, Level } from '../../shared';
import { distributionChartHeight, toDistributionChartData } from '../../shared/charts/distribution-chart';
import { parseIso3 } from '../../shared/constants/country';
import { ChartPlaceholder } from '../components/ui/chart-placeholder';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { compareQueryOptions, useCompare } from '../features/compare/api/get-compare';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { CaseStudyPicker } from '../features/compare/components/case-study-picker';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupCompareTable } from '../features/compare/components/group-compare-table';
import { GroupPicker } from '../features/compare/components/group-picker';
import { NoAnswerNotice } from '../features/compare/components/no-answer-notice';
import {
  basisFromSearchParams,
  basisParams,
  type CompareBasis,
  caseParam,
  caseStudyFromSearchParams,
  DEFAULT_CASE_STUDY,
  type GroupSelection,
  groupFromSearchParams,
  groupQuery,
  isClassified,
  isComplete,
} from '../features/compare/group-params';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { countriesQueryOptions, useCountries } from '../features/countries/api/get-countries';
import { CompareExportMenu } from '../features/exports/components/compare-export-menu';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { TRACSS } from '../lib/tracss';

const DistributionChart = onDemand(() => import('../components/charts/distribution-chart'));
const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

const levelsByCode = (rows: readonly CompareRow[]) =>
  new Map<string, Level | null>(rows.map((r) => [r.indicator.code, r.countryLevel]));

/** Whether the country has a level on any question of the round (else: it did not answer it). */
const answeredAny = (rows: readonly CompareRow[]) => rows.some((r) => r.countryLevel !== null);

/** The comparison the page shows: the country against the group, on the basis chosen. */
const pageQuery = (iso3: string, selection: GroupSelection, basis: CompareBasis) => ({
  framework: TRACSS.framework,
  period: TRACSS.period,
  country: iso3,
  ...groupQuery(selection),
  source: basis.source,
  classification: basis.classification,
});

/** The answers the page's first render shows, for client/main.tsx (client/app/routes.tsx, PageHandle). */
export function prefetchComparePage(queryClient: QueryClient, search: URLSearchParams): Promise<unknown> {
  const selection = groupFromSearchParams(search, FALLBACK);
  const countries = queryClient.prefetchQuery(countriesQueryOptions());
  // A saved group or a list still being picked: the page says so, or asks once it knows the group.
  if (!isComplete(selection)) return countries;
  const iso3 = parseIso3(search.get('country')) ?? DEFAULT_CASE_STUDY;
  const query = pageQuery(iso3, selection, basisFromSearchParams(search));
  const caseStudy = caseStudyFromSearchParams(search);
  // Chart.js is asked for, not waited for: the page is rendered and laid out while it downloads (its
  // place held by a frame of the chart's height), and the chart is drawn once it is in — on a slow link
  // ~100 ms sooner than rendering the whole page after it (docs/benchmarks.md, 7 December, 19:23).
  void DistributionChart.preload();
  return Promise.all([
    countries,
    queryClient.prefetchQuery(compareQueryOptions(query)),
    caseStudy && caseStudy !== iso3
      ? queryClient.prefetchQuery(compareQueryOptions({ ...query, country: caseStudy }))
      : null,
  ]);
}

/** View 1: one country against a peer group on every A–E indicator. */
export function ComparePage() {
  const id = useId();
  const { t, formatPercent } = useI18n();
  const countryName = useCountryName();
  const groupLabel = useGroupLabel();
  const { params, selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  const iso3 = parseIso3(params.get('country')) ?? DEFAULT_CASE_STUDY;
  const countries = useCountries();
  const country = countries.data?.items.find((c) => c.iso3 === iso3);
  const caseCountry = countries.data?.items.find((c) => c.iso3 === caseStudy);
  const ready = isComplete(selection);
  const query = pageQuery(iso3, selection, basis);
  const compare = useCompare(query, { enabled: ready });
  const pinCase = caseStudy !== null && caseStudy !== iso3;
  const caseCompare = useCompare({ ...query, country: caseStudy ?? iso3 }, { enabled: ready && pinCase });

  const name = country ? countryName(country) : iso3;
  const caseName = caseCountry ? countryName(caseCountry) : (caseStudy ?? '');
  // A country without any answer in the round gets a notice instead of a column of dashes.
  const countryAnswered = compare.data ? answeredAny(compare.data.rows) : true;
  const caseSilent = pinCase && caseCompare.data !== undefined && !answeredAny(caseCompare.data.rows);
  const caseLevels = useMemo(
    () =>
      pinCase && caseCompare.data && answeredAny(caseCompare.data.rows)
        ? levelsByCode(caseCompare.data.rows)
        : undefined,
    [pinCase, caseCompare.data],
  );
  const labelled = useMemo(() => {
    if (!compare.data) return [];
    const own = answeredAny(compare.data.rows)
      ? [{ name: countryName(compare.data.country), levels: levelsByCode(compare.data.rows) }]
      : [];
    return caseLevels ? [...own, { name: caseName, levels: caseLevels }] : own;
  }, [compare.data, caseLevels, caseName, countryName]);
  const national = basis.source === 'national';
  const chartData = useMemo(
    () => (compare.data ? toDistributionChartData(compare.data.rows, labelled, t('chart.levelWord')) : null),
    [compare.data, labelled, t],
  );

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('compare.title', { name }) })}</title>
      <h1>{t('compare.h1')}</h1>
      <CompareExportMenu
        query={groupQuery(selection)}
        caseStudy={caseStudy}
        country={iso3}
        basis={basisParams(basis)}
      />
      <CompareNav selection={selection} caseStudy={caseStudy} country={iso3} basis={basis} />
      <div className="picker-row">
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('compare.country')}</label>
          <select id={`${id}-country`} value={iso3} onChange={(e) => setValues({ country: e.target.value })}>
            {!country && <option value={iso3}>{iso3}</option>}
            {countries.data?.items.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {countryName(c)}
              </option>
            ))}
          </select>
        </div>
        <GroupPicker value={selection} onChange={setSelection} near={country} />
      </div>
      <CaseStudyPicker value={caseStudy} onChange={(c) => setValues({ case: caseParam(c) })} hint />
      <BasisPicker basis={basis} onChange={setBasis} data classification={isClassified(selection)} />

      {!ready ? (
        <p className="notice">{t('compare.addOne')}</p>
      ) : compare.isPending ? (
        <LoadingState label={t('compare.loading')} rows={4} />
      ) : compare.isError ? (
        <ErrorState
          title={t('compare.loadError')}
          error={compare.error}
          onRetry={() => void compare.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>
            {compare.data.group.type === 'countries'
              ? // A hand-picked list may hold the country itself: "Jordan among 5 selected countries".
                t(
                  compare.data.group.members.includes(compare.data.country.iso3)
                    ? 'compare.headingPickedAmong'
                    : 'compare.headingPicked',
                  {
                    country: countryName(compare.data.country),
                    count: compare.data.group.members.length,
                    survey: TRACSS.label,
                  },
                )
              : t('compare.heading', {
                  country: countryName(compare.data.country),
                  group: groupLabel(compare.data.group),
                  members: compare.data.group.members.length,
                  survey: TRACSS.label,
                })}
          </h2>
          <BasisNote
            source={compare.data.source}
            classification={compare.data.group.classification}
            survey={TRACSS.label}
          />
          {!countryAnswered && (
            <NoAnswerNotice
              name={countryName(compare.data.country)}
              survey={TRACSS.label}
              national={national}
            />
          )}
          {caseSilent && (
            <NoAnswerNotice name={caseName} survey={TRACSS.label} national={national} caseStudy />
          )}
          <p className="muted">
            {labelled.length > 0
              ? t('compare.explain', { names: labelled.map((c) => c.name).join(t('compare.andOf')) })
              : t('compare.explainGroup')}
            <Link to={`/countries/${compare.data.country.iso3}`}>
              {t('compare.profile', { name: countryName(compare.data.country) })}
            </Link>
          </p>
          {chartData && (
            <DistributionChart
              fallback={
                <ChartPlaceholder
                  label={t('common.loadingChart')}
                  height={distributionChartHeight(compare.data.rows.length)}
                />
              }
              data={chartData}
              rows={compare.data.rows}
              axisTitle={t('chart.shareAxis')}
              segmentLabel={({ level, share, count, n }) => {
                const pct = formatPercent(share, 1);
                return count === null
                  ? t('chart.segmentShort', { level, share: pct })
                  : t('chart.segment', { level, share: pct, count, n: n ?? 0 });
              }}
              label={
                countryAnswered
                  ? t('compare.chartLabel', {
                      group: groupLabel(compare.data.group),
                      n: compare.data.rows.length,
                      country: countryName(compare.data.country),
                    })
                  : t('compare.chartLabelGroup', {
                      group: groupLabel(compare.data.group),
                      n: compare.data.rows.length,
                    })
              }
            />
          )}
          <details className="table-alternative" open>
            <summary>{t('common.sameAsTable')}</summary>
            <GroupCompareTable
              rows={compare.data.rows}
              countryName={countryAnswered ? countryName(compare.data.country) : null}
              groupLabel={groupLabel(compare.data.group)}
              caseStudy={caseLevels ? { name: caseName, levels: caseLevels } : undefined}
            />
          </details>
        </section>
      )}
    </>
  );
}
