import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HeatmapQuery, HeatmapResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';
import { TRACSS } from '../../../lib/tracss';
import { type CompareBasis, type GroupSelection, groupQuery, isComplete } from '../group-params';

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

/**
 * The TrACSS round's heatmap of the selected group, once the selection is complete: what the heatmap,
 * map and group pages read. `source` only where the page lets the reader choose it (the others read
 * the published answers, the server's default).
 */
export function useGroupHeatmap(
  selection: GroupSelection,
  basis: Pick<CompareBasis, 'classification'> & Partial<Pick<CompareBasis, 'source'>>,
) {
  return useHeatmap(
    {
      framework: TRACSS.framework,
      period: TRACSS.period,
      ...groupQuery(selection),
      ...(basis.source === undefined ? {} : { source: basis.source }),
      classification: basis.classification,
    },
    { enabled: isComplete(selection) },
  );
}
