import { queryOptions, useQuery } from '@tanstack/react-query';
import { type CompareQuery, type CompareResult, CompareResultSchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getCompare(query: CompareQuery, signal?: AbortSignal): Promise<CompareResult> {
  return apiGet('/compare', CompareResultSchema, { params: { ...query }, signal });
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
