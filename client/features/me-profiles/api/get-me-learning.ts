import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeGroupQuery, MeLearning } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** The API's lesson filters (the learning page filters in the browser; integrators use these). */
export type MeLearningParams = MeGroupQuery & { objective?: number; sector?: string; challenge?: string };

/** The group's shared challenges and the lessons its countries offer. */
export function getMeLearning(query: MeLearningParams, signal?: AbortSignal): Promise<MeLearning> {
  return apiGet(
    '/me-profiles/learning',
    () => import('../../../../shared/api/me-profiles').then((m) => m.MeLearningSchema),
    { params: { ...query }, signal },
  );
}

export function meLearningQueryOptions(query: MeLearningParams) {
  return queryOptions({
    queryKey: ['me-learning', query],
    queryFn: ({ signal }) => getMeLearning(query, signal),
  });
}

export function useMeLearning(query: MeLearningParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...meLearningQueryOptions(query), enabled: options.enabled ?? true });
}
