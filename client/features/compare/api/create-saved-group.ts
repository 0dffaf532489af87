import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSavedGroupBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { SAVED_GROUPS_KEY } from './get-saved-groups';

export function createSavedGroup(body: CreateSavedGroupBody) {
  return apiSend(
    'POST',
    '/peer-groups',
    () => import('../../../../shared/api/peer-groups').then((m) => m.SavedGroupSchema),
    body,
  );
}

export function useCreateSavedGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedGroup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_GROUPS_KEY }),
  });
}
