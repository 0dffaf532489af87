import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BriefingSession } from '../../../../shared';
import { API_BASE, apiSend } from '../../../lib/api-client';
import { briefingSessionKey } from './get-briefing-session';

export type BriefingPackRef = BriefingSession['packs'][number];
export type PackFormat = BriefingPackRef['format'];

/** Makes a pack from the session and keeps it (the server stores the file, as sent). */
export function makeBriefingPack(id: number, format: PackFormat): Promise<BriefingPackRef> {
  return apiSend('POST', `/briefing-sessions/${id}/packs?format=${format}`, () =>
    import('../../../../shared/api/briefings').then((m) => m.BriefingPackRefSchema),
  );
}

/** The address a kept pack downloads from. */
export const briefingPackUrl = (id: number, packId: number) =>
  `${API_BASE}/briefing-sessions/${id}/packs/${packId}`;

export function useMakeBriefingPack(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (format: PackFormat) => makeBriefingPack(id, format),
    onSuccess: (pack) => {
      // Newest first, as the session lists them.
      queryClient.setQueryData<BriefingSession>(briefingSessionKey(id), (s) =>
        s ? { ...s, packs: [pack, ...s.packs.filter((p) => p.id !== pack.id)] } : s,
      );
    },
  });
}
