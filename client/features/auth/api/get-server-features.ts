import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ServerFeatures } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** What this deployment offers (e-mail): pages hide what it does not. Changes only with a restart. */
export function getServerFeatures(signal?: AbortSignal): Promise<ServerFeatures> {
  return apiGet(
    '/config',
    () => import('../../../../shared/api/common').then((m) => m.ServerFeaturesSchema),
    {
      signal,
    },
  );
}

export function useServerFeatures() {
  return useQuery(
    queryOptions({
      queryKey: ['server-features'],
      queryFn: ({ signal }) => getServerFeatures(signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
}
