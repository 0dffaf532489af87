import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import type { CountryFilters as Filters } from '../features/countries/api/get-countries';
import { useCountries } from '../features/countries/api/get-countries';
import { CountriesTable } from '../features/countries/components/countries-table';
import { CountryFilters } from '../features/countries/components/country-filters';
import { filtersFromSearchParams, filtersToSearchParams } from '../features/countries/filters';
import { useRespondents } from '../features/values/api/get-respondents';
import { useT } from '../i18n/context';
import { TRACSS } from '../lib/tracss';

export function CountriesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const t = useT();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const onChange = useCallback(
    (next: Filters) => setSearchParams(filtersToSearchParams(next), { replace: true }),
    [setSearchParams],
  );
  const countries = useCountries(filters);
  // The "answered" column is a bonus: the table shows without it if it fails.
  const respondents = useRespondents();

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('countries.title') })}</title>
      <h1>{t('countries.title')}</h1>
      <CountryFilters value={filters} onChange={onChange} />
      {countries.isPending ? (
        <LoadingState label={t('countries.loading')} rows={6} />
      ) : countries.isError ? (
        <ErrorState
          title={t('countries.loadError')}
          error={countries.error}
          onRetry={() => void countries.refetch()}
        />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {countries.isPlaceholderData
              ? t('common.updating')
              : t('countries.count', { count: countries.data.items.length })}
          </p>
          <CountriesTable
            countries={countries.data.items}
            respondents={respondents.data}
            answerLabel={TRACSS.label}
          />
        </>
      )}
    </>
  );
}
