import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Plan } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getCountryPlans(iso3: string, signal?: AbortSignal): Promise<{ items: Plan[] }> {
  return apiGet(
    `/countries/${encodeURIComponent(iso3)}/plans`,
    () => import('../../../../shared/api/plans').then((m) => m.PlanListSchema),
    { signal },
  );
}

export const countryPlansKey = (iso3: string) => ['plans', 'country', iso3.toUpperCase()] as const;

export function countryPlansQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: countryPlansKey(iso3),
    queryFn: ({ signal }) => getCountryPlans(iso3, signal),
  });
}

export function useCountryPlans(iso3: string) {
  return useQuery(countryPlansQueryOptions(iso3));
}
