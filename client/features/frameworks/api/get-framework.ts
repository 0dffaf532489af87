import { queryOptions, useQuery } from '@tanstack/react-query';
import { type FrameworkDetail, FrameworkDetailSchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getFramework(code: string, signal?: AbortSignal): Promise<FrameworkDetail> {
  return apiGet(`/frameworks/${encodeURIComponent(code)}`, FrameworkDetailSchema, { signal });
}

export function frameworkQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['frameworks', code],
    queryFn: ({ signal }) => getFramework(code, signal),
  });
}

export function useFramework(code: string) {
  return useQuery(frameworkQueryOptions(code));
}
