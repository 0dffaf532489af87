import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HeatmapQuery, HeatmapResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getHeatmap(query: HeatmapQuery, signal?: AbortSignal): Promise<HeatmapResult> {
  return apiGet(
    '/compare/heatmap',
    () => import('../../../../shared/api/compare').then((m) => m.HeatmapResultSchema),
    { params: { ...query }, signal },
  );
}

export function heatmapQueryOptions(query: HeatmapQuery) {
  return queryOptions({
    queryKey: ['compare', 'heatmap', query],
    queryFn: ({ signal }) => getHeatmap(query, signal),
  });
}

export function useHeatmap(query: HeatmapQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...heatmapQueryOptions(query),
    enabled: options.enabled ?? true,
    // Keep the previous grid while another group loads, so the page does not jump.
    placeholderData: (previous) => previous,
  });
}
