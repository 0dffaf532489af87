import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody, ResetWithLinkBody } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';

/** Your own password: the current one is required; your other sessions end. */
export function changePassword(body: ChangePasswordBody) {
  return apiSend('POST', '/auth/password', noContent, body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

/** A new password through a one-time link: no session needed; every session of the account ends. */
export function resetWithLink(body: ResetWithLinkBody) {
  return apiSend('POST', '/auth/reset-password', noContent, body);
}

export function useResetWithLink() {
  return useMutation({ mutationFn: resetWithLink });
}
