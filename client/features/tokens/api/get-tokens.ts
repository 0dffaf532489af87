import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiTokenListSchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export const TOKENS_KEY = ['tokens'] as const;

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => apiGet('/tokens', ApiTokenListSchema, { signal }),
  });
}

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
