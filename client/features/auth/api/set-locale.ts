import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Locale, Me } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { ME_QUERY_KEY } from './get-me';

/** Keeps the signed-in user's interface language on the server (issue 8). */
export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiSend('PUT', '/auth/me/locale', z.null(), { locale }),
    onSuccess: (_r, locale) =>
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (me) => (me ? { ...me, locale } : me)),
  });
}
