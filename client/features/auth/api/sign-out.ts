import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, noContent, setCsrfToken } from '../../../lib/api-client';
import { switchUser } from './switch-user';

/**
 * Signs out, then deletes what this browser kept for the user: the answers kept for working offline,
 * the outbox (the caller has warned about unsent values) and the typed drafts — a shared computer
 * keeps nothing of them.
 */
export async function signOut(userId: number | null = null): Promise<void> {
  await apiSend('POST', '/auth/sign-out', noContent);
  setCsrfToken(null);
  await import('../../../lib/offline/sync').then((m) => m.clearOfflineData(userId)).catch(() => {});
}

/** Values of the user not yet accepted by the server (waiting, in conflict or kept aside). */
export async function unsentValues(userId: number): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  const { outboxEntries } = await import('../../../lib/offline/outbox');
  return (await outboxEntries(userId)).length;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number | null) => signOut(userId),
    onSuccess: () => switchUser(queryClient, null),
  });
}
