import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CountryTrend } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** A country's published level in each TrACSS round, over the crosswalk's compared questions. */
export function getCountryTrend(iso3: string, signal?: AbortSignal): Promise<CountryTrend> {
  const schema = () => import('../../../../shared/api/trend').then((m) => m.CountryTrendSchema);
  return apiGet(`/countries/${encodeURIComponent(iso3)}/trend`, schema, { signal });
}

export function countryTrendQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: ['country-trend', iso3],
    queryFn: ({ signal }) => getCountryTrend(iso3, signal),
  });
}

export function useCountryTrend(iso3: string) {
  return useQuery(countryTrendQueryOptions(iso3));
}
