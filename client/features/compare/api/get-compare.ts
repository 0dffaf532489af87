import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompareQuery, CompareResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getCompare(query: CompareQuery, signal?: AbortSignal): Promise<CompareResult> {
  return apiGet(
    '/compare',
    () => import('../../../../shared/api/compare').then((m) => m.CompareResultSchema),
    { params: { ...query }, signal },
  );
}

export function compareQueryOptions(query: CompareQuery) {
  return queryOptions({
    queryKey: ['compare', query],
    queryFn: ({ signal }) => getCompare(query, signal),
  });
}

export function useCompare(query: CompareQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...compareQueryOptions(query), enabled: options.enabled ?? true });
}
