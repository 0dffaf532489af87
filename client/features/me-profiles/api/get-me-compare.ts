import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeCompare, MeGroupQuery } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** Profiles side by side: one row per comparable field, one column per country (case study first). */
export function getMeCompare(query: MeGroupQuery, signal?: AbortSignal): Promise<MeCompare> {
  return apiGet(
    '/me-profiles/compare',
    () => import('../../../../shared/api/me-profiles').then((m) => m.MeCompareSchema),
    { params: { ...query }, signal },
  );
}

export function meCompareQueryOptions(query: MeGroupQuery) {
  return queryOptions({
    queryKey: ['me-compare', query],
    queryFn: ({ signal }) => getMeCompare(query, signal),
  });
}

export function useMeCompare(query: MeGroupQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...meCompareQueryOptions(query), enabled: options.enabled ?? true });
}
