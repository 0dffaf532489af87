import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';

/** An administrator's one-time link for an account that lost its password. */
export function makeResetLink(id: number) {
  return apiSend('POST', `/users/${id}/reset-link`, () =>
    import('../../../../shared/api/auth').then((m) => m.ResetLinkSchema),
  );
}

export function useMakeResetLink() {
  return useMutation({ mutationFn: makeResetLink });
}
