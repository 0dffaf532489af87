import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** Another account's tokens, as an administrator sees them. */
export const userTokensKey = (userId: number) => ['user-tokens', userId] as const;

export function userTokensQueryOptions(userId: number) {
  return queryOptions({
    queryKey: userTokensKey(userId),
    queryFn: ({ signal }) =>
      apiGet(
        `/users/${userId}/tokens`,
        () => import('../../../../shared/api/users').then((m) => m.ApiTokenListSchema),
        { signal },
      ),
  });
}

export function useUserTokens(userId: number) {
  return useQuery(userTokensQueryOptions(userId));
}
