import { queryOptions, useQuery } from '@tanstack/react-query';
import { UserListSchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export const USERS_KEY = ['users'] as const;

export function usersQueryOptions() {
  return queryOptions({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => apiGet('/users', UserListSchema, { signal }),
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
