import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';
import { ME_QUERY_KEY } from './get-me';

/** Turns the signed-in user's daily e-mail digest on or off. */
export function useSetReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => apiSend('PUT', '/auth/me/reminders', noContent, { enabled }),
    onSuccess: (_r, enabled) =>
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (me) =>
        me ? { ...me, emailReminders: enabled } : me,
      ),
  });
}
