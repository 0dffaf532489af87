import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, noContent } from '../../../lib/api-client';
import { userTokensKey } from './get-user-tokens';

export function revokeUserToken(userId: number, tokenId: number) {
  return apiSend('DELETE', `/users/${userId}/tokens/${tokenId}`, noContent);
}

export function useRevokeUserToken(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: number) => revokeUserToken(userId, tokenId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userTokensKey(userId) }),
  });
}
