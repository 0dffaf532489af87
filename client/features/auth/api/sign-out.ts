import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, noContent, setCsrfToken } from '../../../lib/api-client';
import { switchUser } from './switch-user';

export async function signOut(): Promise<void> {
  await apiSend('POST', '/auth/sign-out', noContent);
  setCsrfToken(null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => switchUser(queryClient, null),
  });
}
