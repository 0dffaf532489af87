import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedGroup } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export const SAVED_GROUPS_KEY = ['peer-groups'] as const;

export function getSavedGroups(signal?: AbortSignal): Promise<{ items: SavedGroup[] }> {
  return apiGet(
    '/peer-groups',
    () => import('../../../../shared/api/peer-groups').then((m) => m.SavedGroupListSchema),
    { signal },
  );
}

export function savedGroupsQueryOptions() {
  return queryOptions({ queryKey: SAVED_GROUPS_KEY, queryFn: ({ signal }) => getSavedGroups(signal) });
}

/** Shared groups and, signed in, the user's private ones. */
export function useSavedGroups(options: { enabled?: boolean } = {}) {
  return useQuery({ ...savedGroupsQueryOptions(), enabled: options.enabled ?? true });
}
