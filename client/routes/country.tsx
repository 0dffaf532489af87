import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { type Country, INCOME_GROUP_NAMES, WHO_REGION_NAMES } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { CompareSection } from '../features/compare/components/compare-section';
import { useCountry } from '../features/countries/api/get-country';
import { useIndicators } from '../features/frameworks/api/get-indicators';
import { useValues } from '../features/values/api/get-values';
import { ProfileTable } from '../features/values/components/profile-table';
import { hasLevelAnswers, toProfileRows } from '../features/values/profile-rows';
import { TRACSS } from '../lib/tracss';

export function CountryPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const country = useCountry(iso3);

  if (country.isPending) return <LoadingState label="Loading country …" rows={4} />;
  if (country.isError) {
    return (
      <>
        <title>Country not available — NAP Tracker</title>
        <p>
          <Link to="/countries">← All countries</Link>
        </p>
        <ErrorState
          title={`Could not load ${iso3}`}
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
  const answered = values.data ? hasLevelAnswers(values.data.items) : null;
  const rows = useMemo(
    () => (indicators.data && values.data ? toProfileRows(indicators.data.items, values.data.items) : []),
    [indicators.data, values.data],
  );

  return (
    <>
      <title>{`${country.name} — NAP Tracker`}</title>
      <p className="breadcrumb">
        <Link to="/countries">← All countries</Link>
      </p>
      <header className="page-header">
        <h1>{country.name}</h1>
        <dl className="facts">
          <div>
            <dt>ISO3</dt>
            <dd>{country.iso3}</dd>
          </div>
          <div>
            <dt>WHO region</dt>
            <dd>{country.whoRegion ? WHO_REGION_NAMES[country.whoRegion] : 'None'}</dd>
          </div>
          <div>
            <dt>Income group</dt>
            <dd>{country.incomeGroup ? INCOME_GROUP_NAMES[country.incomeGroup] : 'Not classified'}</dd>
          </div>
        </dl>
        <p>
          <Link to={`/countries/${country.iso3}/plan`}>National action plan and its progress</Link>
        </p>
      </header>

      {values.isPending ? (
        <LoadingState label={`Loading the ${TRACSS.label} answers …`} rows={4} />
      ) : values.isError ? (
        <ErrorState
          title={`Could not load the ${TRACSS.label} answers`}
          error={values.error}
          onRetry={() => void values.refetch()}
        />
      ) : !answered ? (
        <p className="notice">
          <strong>No {TRACSS.label} answer.</strong> {country.name} did not answer the {TRACSS.label}{' '}
          self-assessment survey, so there is no profile or peer comparison to show.
        </p>
      ) : (
        <>
          <section aria-labelledby="compare-heading" className="section">
            <h2 id="compare-heading">
              {country.name} and its {country.whoRegion ? WHO_REGION_NAMES[country.whoRegion] : ''} peers
            </h2>
            <p>
              <Link
                to={`/compare?country=${country.iso3}&groupType=who_region&group=${country.whoRegion ?? 'EMR'}`}
              >
                Compare {country.name} with another peer group
              </Link>{' '}
              (income group, all countries, or countries you pick), or see the{' '}
              <Link to={`/compare/heatmap?groupType=who_region&group=${country.whoRegion ?? 'EMR'}`}>
                heatmap of its region
              </Link>
              .
            </p>
            {country.whoRegion ? (
              <CompareSection
                query={{ framework: TRACSS.framework, period: TRACSS.period, country: country.iso3 }}
                countryName={country.name}
              />
            ) : (
              <p className="notice">{country.name} has no WHO region to compare with.</p>
            )}
          </section>

          <section aria-labelledby="profile-heading" className="section">
            <h2 id="profile-heading">{TRACSS.label} profile</h2>
            {indicators.isPending ? (
              <LoadingState label="Loading the indicators …" rows={4} />
            ) : indicators.isError ? (
              <ErrorState
                title="Could not load the indicators"
                error={indicators.error}
                onRetry={() => void indicators.refetch()}
              />
            ) : (
              <ProfileTable rows={rows} label={`${TRACSS.label} profile`} />
            )}
          </section>
        </>
      )}
    </>
  );
}
