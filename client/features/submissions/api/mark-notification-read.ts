import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, noContent } from '../../../lib/api-client';

/** Marks one of the signed-in user's notices read; the list (and its unread count) is reloaded. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/notifications/${id}/read`, noContent),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
