import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CompareQuery, Country, IndicatorValue, Round } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { compareQueryOptions } from '../features/compare/api/get-compare';
import { CompareSection, preloadCompareChart } from '../features/compare/components/compare-section';
import { countryQueryOptions, useCountry } from '../features/countries/api/get-country';
import { ExportMenu } from '../features/exports/components/export-menu';
import { useIndicators } from '../features/frameworks/api/get-indicators';
import { roundsQueryOptions, useRounds } from '../features/rounds/api/get-rounds';
import { useNationalReports } from '../features/values/api/get-national-reports';
import { useValues, type ValueFilters, valuesQueryOptions } from '../features/values/api/get-values';
import { ProfileTable } from '../features/values/components/profile-table';
import { TrendSection } from '../features/values/components/trend-section';
import { hasLevelAnswers, toProfileRows } from '../features/values/profile-rows';
import { useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { type SurveyRound, surveyRound } from '../lib/tracss';

/** The answers the page's first render shows, for client/main.tsx (client/app/routes.tsx, PageHandle). */
export function prefetchCountryPage(queryClient: QueryClient, code: string, search: URLSearchParams) {
  const iso3 = code.toUpperCase();
  const firsts = [
    queryClient.prefetchQuery(countryQueryOptions(iso3)),
    queryClient.prefetchQuery(roundsQueryOptions()),
  ];
  // Another round than the default is known once the rounds are: its answers are asked for by the page.
  if (search.get('round')) return Promise.all(firsts);
  const round = surveyRound(undefined, null);
  // The chart's code is asked for, not waited for (client/routes/compare.tsx says why).
  void preloadCompareChart();
  return Promise.all([
    ...firsts,
    queryClient.prefetchQuery(valuesQueryOptions(roundValues(iso3, round))),
    queryClient.prefetchQuery(compareQueryOptions(roundCompare(iso3, round))),
  ]);
}

/** The comparison of a country with its region on a round, as the page asks for it. */
const roundCompare = (iso3: string, round: SurveyRound): CompareQuery => ({
  framework: round.framework,
  period: round.period,
  country: iso3,
});

/** The query of a country's answers to a round, as the page asks for them. */
const roundValues = (iso3: string, round: SurveyRound): ValueFilters => ({
  country: iso3,
  framework: round.framework,
  period: round.period,
  limit: 1000,
});

export function CountryPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const country = useCountry(iso3);
  const t = useT();

  if (country.isPending) return <LoadingState label={t('country.loading')} rows={4} />;
  if (country.isError) {
    return (
      <>
        <title>{t('app.titleSuffix', { page: t('country.unavailable') })}</title>
        <p>
          <Link to="/countries">{t('country.allCountries')}</Link>
        </p>
        <ErrorState
          title={t('country.loadError', { iso3 })}
          error={country.error}
          onRetry={() => void country.refetch()}
        />
      </>
    );
  }
  return <CountryProfile country={country.data} />;
}

/** Which TrACSS round the page shows (`?round=`), among the rounds the server has. */
function RoundPicker({ rounds, round }: { rounds: readonly Round[]; round: SurveyRound }) {
  const t = useT();
  const id = useId();
  const [params, setParams] = useSearchParams();
  if (rounds.length < 2) return null;
  return (
    <p className="field">
      <label htmlFor={id}>{t('country.round')}</label>{' '}
      <select
        id={id}
        value={round.framework}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set('round', e.target.value);
          setParams(next);
        }}
      >
        {rounds.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </p>
  );
}

function CountryProfile({ country }: { country: Country }) {
  const [params] = useSearchParams();
  const rounds = useRounds();
  const t = useT();
  const wanted = params.get('round');
  // A round named in the address is known once the rounds are: nothing is fetched for another meanwhile.
  if (wanted && rounds.isPending) return <LoadingState label={t('country.loading')} rows={4} />;
  return (
    <CountryRound
      country={country}
      rounds={rounds.data?.items ?? []}
      round={surveyRound(rounds.data?.items, wanted)}
    />
  );
}

function CountryRound({
  country,
  rounds,
  round,
}: {
  country: Country;
  rounds: readonly Round[];
  round: SurveyRound;
}) {
  const values = useValues(roundValues(country.iso3, round));
  const t = useT();
  const name = useCountryName()(country);
  const answered = values.data ? hasLevelAnswers(values.data.items) : null;
  // The comparison chart comes first: the sections below it (and the checking of their answers, which
  // client/early.ts has asked for already) wait until it has been drawn, or until none will be, so a
  // cold visit does not parse and lay out the profile and trend before the chart (docs/benchmarks.md,
  // the Chromium rows).
  const [chartShown, setChartShown] = useState(false);
  const onChartShown = useCallback(() => setChartShown(true), []);
  const chartExpected = values.isPending || (!!answered && !!country.whoRegion);
  const belowShown = chartShown || !chartExpected;
  return (
    <>
      <title>{t('app.titleSuffix', { page: name })}</title>
      <p className="breadcrumb">
        <Link to="/countries">{t('country.allCountries')}</Link>
      </p>
      <header className="page-header">
        <h1>{name}</h1>
        <ExportMenu filters={{ countries: [country.iso3] }} countryReport={{ iso3: country.iso3 }} />
        <dl className="facts">
          <div>
            <dt>{t('countries.col.iso3')}</dt>
            <dd>{country.iso3}</dd>
          </div>
          <div>
            <dt>{t('countries.col.whoRegion')}</dt>
            <dd>{country.whoRegion ? t(`whoRegion.${country.whoRegion}`) : t('country.none')}</dd>
          </div>
          <div>
            <dt>{t('countries.col.income')}</dt>
            <dd>{country.incomeGroup ? t(`income.${country.incomeGroup}`) : t('country.notClassified')}</dd>
          </div>
        </dl>
        <p>
          <Link to={`/countries/${country.iso3}/plan`}>{t('country.planLink')}</Link>
          {' · '}
          <Link to={`/countries/${country.iso3}/me-profile`}>{t('country.meProfileLink')}</Link>
        </p>
        <RoundPicker rounds={rounds} round={round} />
      </header>

      {values.isPending ? (
        <LoadingState label={t('country.loadingAnswers', { survey: round.label })} rows={4} />
      ) : values.isError ? (
        <ErrorState
          title={t('country.answersError', { survey: round.label })}
          error={values.error}
          onRetry={() => void values.refetch()}
        />
      ) : (
        <>
          {answered ? (
            <section aria-labelledby="compare-heading" className="section">
              <h2 id="compare-heading">
                {t('country.peers', {
                  name,
                  region: country.whoRegion ? t(`whoRegion.${country.whoRegion}`) : '',
                })}
              </h2>
              <p>
                <Link
                  to={`/compare?country=${country.iso3}&groupType=who_region&group=${country.whoRegion ?? 'EMR'}`}
                >
                  {t('country.compareLink', { name })}
                </Link>
                {t('country.compareRest')}
                <Link to={`/compare/heatmap?groupType=who_region&group=${country.whoRegion ?? 'EMR'}`}>
                  {t('country.heatmapLink')}
                </Link>
                .
              </p>
              {country.whoRegion ? (
                <CompareSection
                  query={roundCompare(country.iso3, round)}
                  countryName={name}
                  survey={round.label}
                  onShown={onChartShown}
                />
              ) : (
                <p className="notice">{t('country.noRegion', { name })}</p>
              )}
            </section>
          ) : (
            <p className="notice">
              <strong>{t('country.noAnswerTitle', { survey: round.label })}</strong>
              {t('country.noAnswerBody', { name, survey: round.label })}
            </p>
          )}

          {belowShown && (
            <ProfileSection
              country={country}
              name={name}
              round={round}
              answered={!!answered}
              values={values.data.items}
            />
          )}
        </>
      )}

      {belowShown && <TrendSection iso3={country.iso3} name={name} />}
    </>
  );
}

/**
 * The country's answers to the round's questions, with its own national reports beside them; shown
 * when it answered the round or reported on it.
 */
function ProfileSection({
  country,
  name,
  round,
  answered,
  values,
}: {
  country: Country;
  name: string;
  round: SurveyRound;
  answered: boolean;
  values: readonly IndicatorValue[];
}) {
  const t = useT();
  const indicators = useIndicators(round.framework);
  // The country's own reports on the round's questions, shown beside its published answers.
  const reports = useNationalReports(country.iso3, round.framework);
  const hasReports = (reports.data?.items.length ?? 0) > 0;
  const rows = useMemo(
    () => (indicators.data ? toProfileRows(indicators.data.items, values, reports.data?.items) : []),
    [indicators.data, values, reports.data],
  );
  if (!answered && !hasReports) return null;
  return (
    <section aria-labelledby="profile-heading" className="section">
      <h2 id="profile-heading">{t('country.profile', { survey: round.label })}</h2>
      <p className="muted small">{t('country.sourcesNote', { survey: round.label, name })}</p>
      {reports.isPending ? (
        <LoadingState label={t('country.loadingReports')} rows={1} />
      ) : reports.isError ? (
        <ErrorState
          title={t('country.reportsError')}
          error={reports.error}
          onRetry={() => void reports.refetch()}
        />
      ) : !hasReports ? (
        <p className="muted small">{t('country.noNationalReports', { name })}</p>
      ) : null}
      {indicators.isPending ? (
        <LoadingState label={t('shared.loadingList')} rows={4} />
      ) : indicators.isError ? (
        <ErrorState
          title={t('shared.loadListError')}
          error={indicators.error}
          onRetry={() => void indicators.refetch()}
        />
      ) : (
        <ProfileTable
          rows={rows}
          label={t('country.profile', { survey: round.label })}
          survey={round.label}
          national={hasReports}
        />
      )}
    </section>
  );
}
