import { useMutation } from '@tanstack/react-query';
import type { ForgotPasswordBody } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';

/** Asks for a password link by e-mail; the answer is the same whether or not an account has the address. */
export function forgotPassword(body: ForgotPasswordBody) {
  return apiSend('POST', '/auth/forgot-password', noContent, body);
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
