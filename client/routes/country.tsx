import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Country } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { CompareSection } from '../features/compare/components/compare-section';
import { useCountry } from '../features/countries/api/get-country';
import { ExportMenu } from '../features/exports/components/export-menu';
import { useIndicators } from '../features/frameworks/api/get-indicators';
import { useNationalReports } from '../features/values/api/get-national-reports';
import { useValues } from '../features/values/api/get-values';
import { ProfileTable } from '../features/values/components/profile-table';
import { TrendSection } from '../features/values/components/trend-section';
import { hasLevelAnswers, toProfileRows } from '../features/values/profile-rows';
import { useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { TRACSS } from '../lib/tracss';

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

function CountryProfile({ country }: { country: Country }) {
  const values = useValues({
    country: country.iso3,
    framework: TRACSS.framework,
    period: TRACSS.period,
    limit: 1000,
  });
  const indicators = useIndicators(TRACSS.framework, 'level');
  // The country's own reports on the round's questions, shown beside its published answers.
  const reports = useNationalReports(country.iso3, TRACSS.framework);
  const t = useT();
  const name = useCountryName()(country);
  const answered = values.data ? hasLevelAnswers(values.data.items) : null;
  const hasReports = (reports.data?.items.length ?? 0) > 0;
  const rows = useMemo(
    () =>
      indicators.data && values.data
        ? toProfileRows(indicators.data.items, values.data.items, reports.data?.items)
        : [],
    [indicators.data, values.data, reports.data],
  );

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
        </p>
      </header>

      {values.isPending ? (
        <LoadingState label={t('country.loadingAnswers', { survey: TRACSS.label })} rows={4} />
      ) : values.isError ? (
        <ErrorState
          title={t('country.answersError', { survey: TRACSS.label })}
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
                  query={{ framework: TRACSS.framework, period: TRACSS.period, country: country.iso3 }}
                  countryName={name}
                  survey={TRACSS.label}
                />
              ) : (
                <p className="notice">{t('country.noRegion', { name })}</p>
              )}
            </section>
          ) : (
            <p className="notice">
              <strong>{t('country.noAnswerTitle', { survey: TRACSS.label })}</strong>
              {t('country.noAnswerBody', { name, survey: TRACSS.label })}
            </p>
          )}

          {(answered || hasReports) && (
            <section aria-labelledby="profile-heading" className="section">
              <h2 id="profile-heading">{t('country.profile', { survey: TRACSS.label })}</h2>
              <p className="muted small">{t('country.sourcesNote', { survey: TRACSS.label, name })}</p>
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
                  label={t('country.profile', { survey: TRACSS.label })}
                  survey={TRACSS.label}
                  national={hasReports}
                />
              )}
            </section>
          )}
        </>
      )}

      <TrendSection iso3={country.iso3} name={name} />
    </>
  );
}
