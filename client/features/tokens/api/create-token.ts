import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { TOKENS_KEY } from './get-tokens';

export function createToken(body: CreateTokenBody) {
  return apiSend(
    'POST',
    '/tokens',
    () => import('../../../../shared/api/users').then((m) => m.CreatedTokenSchema),
    body,
  );
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
