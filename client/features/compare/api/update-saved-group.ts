import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateSavedGroupBody } from '../../../../shared';
import { apiSend, noContent } from '../../../lib/api-client';
import { SAVED_GROUPS_KEY } from './get-saved-groups';

/** PATCH a saved group with the version read (409 when someone changed it meanwhile). */
export function updateSavedGroup({ id, ...body }: UpdateSavedGroupBody & { id: number }) {
  return apiSend(
    'PATCH',
    `/peer-groups/${id}`,
    () => import('../../../../shared/api/peer-groups').then((m) => m.SavedGroupSchema),
    body,
  );
}

/** DELETE a saved group, naming the version read (409 when someone changed it meanwhile). */
export function deleteSavedGroup({ id, version }: { id: number; version: number }) {
  return apiSend('DELETE', `/peer-groups/${id}?version=${version}`, noContent);
}

/** Both refresh the group lists, and every comparison of the group (its members may have changed). */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: SAVED_GROUPS_KEY }),
      queryClient.invalidateQueries({
        predicate: (q) => JSON.stringify(q.queryKey).includes('"saved"'),
      }),
    ]);
}

export function useUpdateSavedGroup() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: updateSavedGroup, onSettled: refresh });
}

export function useDeleteSavedGroup() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: deleteSavedGroup, onSettled: refresh });
}
