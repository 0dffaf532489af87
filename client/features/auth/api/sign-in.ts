import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SignInBody } from '../../../../shared';
import { apiSend, setCsrfToken } from '../../../lib/api-client';
import { switchUser } from './switch-user';

export async function signIn(body: SignInBody): Promise<Me> {
  const schema = () => import('../../../../shared/api/auth').then((m) => m.MeSchema);
  const me = await apiSend('POST', '/auth/sign-in', schema, body);
  setCsrfToken(me.csrfToken);
  // Values this person types offline from now on are kept again, if they signed out on this page before.
  await import('../../../lib/offline/outbox').then((m) => m.reopenOutbox(me.id)).catch(() => {});
  return me;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // Another person may sign in on this browser: nothing cached for the previous one is kept.
    onSuccess: (me) => switchUser(queryClient, me),
  });
}
