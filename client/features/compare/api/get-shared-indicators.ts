import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SharedIndicatorList } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getSharedIndicators(signal?: AbortSignal): Promise<SharedIndicatorList> {
  return apiGet(
    '/compare/indicators',
    () => import('../../../../shared/api/shared-indicators').then((m) => m.SharedIndicatorListSchema),
    { signal },
  );
}

export const sharedIndicatorsQueryOptions = () =>
  queryOptions({ queryKey: ['compare', 'indicators'], queryFn: ({ signal }) => getSharedIndicators(signal) });

/** Indicators tracked by the plans the user may see, most shared first. */
export function useSharedIndicators() {
  return useQuery(sharedIndicatorsQueryOptions());
}
