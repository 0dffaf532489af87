import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';
import { USERS_KEY } from './get-users';

export function updateUser({ id, ...body }: UpdateUserBody & { id: number }) {
  return apiSend(
    'PATCH',
    `/users/${id}`,
    () => import('../../../../shared/api/users').then((m) => m.UserSchema),
    body,
  );
}

export function resetPassword({ id, password }: { id: number; password: string }) {
  return apiSend('POST', `/users/${id}/password`, noContent, { password });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
