import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CountryList, CountryListQuery } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** What the countries page filters by, as the API's query names and types them. */
export type CountryFilters = Pick<CountryListQuery, 'q' | 'whoRegion' | 'incomeGroup'>;

export function getCountries(filters: CountryFilters, signal?: AbortSignal): Promise<CountryList> {
  // The schema is imported on use: the home page counts countries, and its first JS has no zod
  // (docs/decisions/lazy-response-schemas.md).
  const schema = () => import('../../../../shared/api/countries').then((m) => m.CountryListSchema);
  return apiGet('/countries', schema, { params: { ...filters }, signal });
}

export function countriesQueryOptions(filters: CountryFilters = {}) {
  return queryOptions({
    queryKey: ['countries', filters],
    queryFn: ({ signal }) => getCountries(filters, signal),
  });
}

export function useCountries(filters: CountryFilters = {}) {
  return useQuery({
    ...countriesQueryOptions(filters),
    // Keep the previous rows while a new filter loads, so the table does not flash empty.
    placeholderData: (previous) => previous,
  });
}
