import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const USERS_KEY = ['users'] as const;

export function usersQueryOptions() {
  return queryOptions({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) =>
      apiGet('/users', () => import('../../../../shared/api/users').then((m) => m.UserListSchema), {
        signal,
      }),
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
