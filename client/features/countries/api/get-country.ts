import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Country } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getCountry(iso3: string, signal?: AbortSignal): Promise<Country> {
  return apiGet(
    `/countries/${encodeURIComponent(iso3)}`,
    () => import('../../../../shared/domain/country').then((m) => m.CountrySchema),
    { signal },
  );
}

export function countryQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: ['countries', 'detail', iso3.toUpperCase()],
    queryFn: ({ signal }) => getCountry(iso3, signal),
  });
}

/** Asks nothing until there is a code (a page that learns it from another answer). */
export function useCountry(iso3: string) {
  return useQuery({ ...countryQueryOptions(iso3), enabled: iso3.length === 3 });
}
