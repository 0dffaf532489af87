import { useQuery } from '@tanstack/react-query';
import type { BriefingSession } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export const briefingSessionSchema = () =>
  import('../../../../shared/api/briefings').then((m) => m.BriefingSessionSchema);

export function getBriefingSession(id: number, signal?: AbortSignal): Promise<BriefingSession> {
  return apiGet(`/briefing-sessions/${id}`, briefingSessionSchema, { signal });
}

export const briefingSessionKey = (id: number) => ['briefing-sessions', id] as const;

/** A session with its packs, newest first. */
export function useBriefingSession(id: number | null) {
  return useQuery({
    queryKey: briefingSessionKey(id ?? 0),
    queryFn: ({ signal }) => getBriefingSession(id ?? 0, signal),
    enabled: id !== null,
  });
}
