import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const TOKENS_KEY = ['tokens'] as const;

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) =>
      apiGet('/tokens', () => import('../../../../shared/api/users').then((m) => m.ApiTokenListSchema), {
        signal,
      }),
  });
}

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
