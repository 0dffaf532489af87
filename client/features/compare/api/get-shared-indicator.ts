import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SharedIndicatorQuery, SharedIndicatorResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getSharedIndicator(
  query: SharedIndicatorQuery,
  signal?: AbortSignal,
): Promise<SharedIndicatorResult> {
  return apiGet(
    '/compare/indicator',
    () => import('../../../../shared/api/shared-indicators').then((m) => m.SharedIndicatorResultSchema),
    { params: { ...query }, signal },
  );
}

export function sharedIndicatorQueryOptions(query: SharedIndicatorQuery) {
  return queryOptions({
    queryKey: ['compare', 'indicator', query],
    queryFn: ({ signal }) => getSharedIndicator(query, signal),
  });
}

/** One indicator side by side for the members of a group whose plans track it. */
export function useSharedIndicator(query: SharedIndicatorQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...sharedIndicatorQueryOptions(query), enabled: options.enabled ?? true });
}
