import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Country, CountrySchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getCountry(iso3: string, signal?: AbortSignal): Promise<Country> {
  return apiGet(`/countries/${encodeURIComponent(iso3)}`, CountrySchema, { signal });
}

export function countryQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: ['countries', 'detail', iso3.toUpperCase()],
    queryFn: ({ signal }) => getCountry(iso3, signal),
  });
}

export function useCountry(iso3: string) {
  return useQuery(countryQueryOptions(iso3));
}
