import { useQuery } from '@tanstack/react-query';
import type { BriefingSession } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export type BriefingSessionSummary = Omit<BriefingSession, 'packs'>;

export function getBriefingSessions(signal?: AbortSignal): Promise<{ items: BriefingSessionSummary[] }> {
  return apiGet(
    '/briefing-sessions',
    () => import('../../../../shared/api/briefings').then((m) => m.BriefingSessionListSchema),
    { signal },
  );
}

export const briefingSessionsKey = ['briefing-sessions'] as const;

export function useBriefingSessions() {
  return useQuery({ queryKey: briefingSessionsKey, queryFn: ({ signal }) => getBriefingSessions(signal) });
}
