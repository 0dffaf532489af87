import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Due, DueSchema, NotificationListSchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getDue(signal?: AbortSignal): Promise<Due> {
  return apiGet('/due', DueSchema, { signal });
}

export function useDue() {
  return useQuery(queryOptions({ queryKey: ['due'], queryFn: ({ signal }) => getDue(signal) }));
}

export function useNotifications() {
  return useQuery(
    queryOptions({
      queryKey: ['notifications'],
      queryFn: ({ signal }) => apiGet('/notifications', NotificationListSchema, { signal }),
    }),
  );
}
