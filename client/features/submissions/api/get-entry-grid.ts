import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EntryGrid } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getEntryGrid(periodId: number, signal?: AbortSignal): Promise<EntryGrid> {
  return apiGet(
    `/periods/${periodId}/entry`,
    () => import('../../../../shared/api/reporting').then((m) => m.EntryGridSchema),
    { signal },
  );
}

export const entryGridKey = (periodId: number) => ['periods', periodId, 'entry'] as const;

export function entryGridQueryOptions(periodId: number) {
  return queryOptions({
    queryKey: entryGridKey(periodId),
    queryFn: ({ signal }) => getEntryGrid(periodId, signal),
  });
}

export function useEntryGrid(periodId: number) {
  return useQuery(entryGridQueryOptions(periodId));
}
