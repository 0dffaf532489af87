import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { userTokensKey } from './get-user-tokens';

export function createUserToken(userId: number, body: CreateTokenBody) {
  return apiSend(
    'POST',
    `/users/${userId}/tokens`,
    () => import('../../../../shared/api/users').then((m) => m.CreatedTokenSchema),
    body,
  );
}

/** An administrator creates a token for the account `userId` (the secret is in the answer, once). */
export function useCreateUserToken(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => createUserToken(userId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userTokensKey(userId) }),
  });
}
