import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CountryList, IncomeGroup, WhoRegion } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export interface CountryFilters {
  q?: string;
  whoRegion?: WhoRegion;
  incomeGroup?: IncomeGroup;
}

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
