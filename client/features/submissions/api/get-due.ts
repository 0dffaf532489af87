import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Due } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

// Schemas imported on use: the header's notices menu is on every page
// (docs/decisions/lazy-response-schemas.md).
const reporting = () => import('../../../../shared/api/reporting');

export function getDue(signal?: AbortSignal): Promise<Due> {
  return apiGet('/due', () => reporting().then((m) => m.DueSchema), { signal });
}

export function dueQueryOptions() {
  return queryOptions({ queryKey: ['due'], queryFn: ({ signal }) => getDue(signal) });
}

export function useDue() {
  return useQuery(dueQueryOptions());
}

export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: ['notifications'],
    queryFn: ({ signal }) =>
      apiGet('/notifications', () => reporting().then((m) => m.NotificationListSchema), { signal }),
  });
}

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
