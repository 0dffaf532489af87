import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChangeQuery, ChangeResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getChange(query: ChangeQuery, signal?: AbortSignal): Promise<ChangeResult> {
  return apiGet(
    '/compare/change',
    () => import('../../../../shared/api/change').then((m) => m.ChangeResultSchema),
    { params: { ...query }, signal },
  );
}

export function changeQueryOptions(query: ChangeQuery) {
  return queryOptions({
    queryKey: ['compare', 'change', query],
    queryFn: ({ signal }) => getChange(query, signal),
  });
}

/** Change between two rounds for a group, over the crosswalk's comparable questions. */
export function useChange(query: ChangeQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...changeQueryOptions(query), enabled: options.enabled ?? true });
}
