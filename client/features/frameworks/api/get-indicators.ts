import { queryOptions, useQuery } from '@tanstack/react-query';
import { type IndicatorList, IndicatorListSchema, type MeasureType } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getIndicators(
  framework: string,
  measureType?: MeasureType,
  signal?: AbortSignal,
): Promise<IndicatorList> {
  return apiGet(`/frameworks/${encodeURIComponent(framework)}/indicators`, IndicatorListSchema, {
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
