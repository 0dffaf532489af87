import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BriefingSession, BriefingSessionInput } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { briefingSessionKey, briefingSessionSchema } from './get-briefing-session';
import { briefingSessionsKey } from './get-briefing-sessions';

/** PUT the whole session with the version read (409 when someone saved since). */
export function updateBriefingSession(
  id: number,
  body: BriefingSessionInput & { version: number },
): Promise<BriefingSession> {
  return apiSend('PUT', `/briefing-sessions/${id}`, briefingSessionSchema, body);
}

export function useUpdateBriefingSession(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BriefingSessionInput & { version: number }) => updateBriefingSession(id, body),
    onSuccess: (session) => {
      queryClient.setQueryData(briefingSessionKey(id), session);
      void queryClient.invalidateQueries({ queryKey: briefingSessionsKey, exact: true });
    },
  });
}
