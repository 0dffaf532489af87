import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BriefingSession, BriefingSessionInput } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { briefingSessionKey, briefingSessionSchema } from './get-briefing-session';
import { briefingSessionsKey } from './get-briefing-sessions';

export function createBriefingSession(body: BriefingSessionInput): Promise<BriefingSession> {
  return apiSend('POST', '/briefing-sessions', briefingSessionSchema, body);
}

export function useCreateBriefingSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBriefingSession,
    onSuccess: (session) => {
      queryClient.setQueryData(briefingSessionKey(session.id), session);
      void queryClient.invalidateQueries({ queryKey: briefingSessionsKey, exact: true });
    },
  });
}
