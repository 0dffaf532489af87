import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IndicatorList, MeasureType } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getIndicators(
  framework: string,
  measureType?: MeasureType,
  signal?: AbortSignal,
): Promise<IndicatorList> {
  const schema = () => import('../../../../shared/api/frameworks').then((m) => m.IndicatorListSchema);
  return apiGet(`/frameworks/${encodeURIComponent(framework)}/indicators`, schema, {
    params: { measureType },
    signal,
  });
}

export function indicatorsQueryOptions(framework: string, measureType?: MeasureType) {
  return queryOptions({
    queryKey: ['frameworks', framework, 'indicators', measureType ?? 'all'],
    queryFn: ({ signal }) => getIndicators(framework, measureType, signal),
  });
}

export function useIndicators(framework: string, measureType?: MeasureType) {
  return useQuery(indicatorsQueryOptions(framework, measureType));
}
