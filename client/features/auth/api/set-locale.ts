import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale, Me } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';
import { ME_QUERY_KEY } from './get-me';

/** Keeps the signed-in user's interface language on the server. */
export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiSend('PUT', '/auth/me/locale', noContent, { locale }),
    onSuccess: (_r, locale) =>
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (me) => (me ? { ...me, locale } : me)),
  });
}
