import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { USERS_KEY } from './get-users';

export function createUser(body: CreateUserBody) {
  return apiSend(
    'POST',
    '/users',
    () => import('../../../../shared/api/users').then((m) => m.UserSchema),
    body,
  );
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
