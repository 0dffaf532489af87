import { useQuery } from '@tanstack/react-query';
import type { GlobalTargetsResult } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getGlobalTargets(signal?: AbortSignal): Promise<GlobalTargetsResult> {
  return apiGet(
    '/global-targets',
    () => import('../../../../shared/api/global-targets').then((m) => m.GlobalTargetsResultSchema),
    { signal },
  );
}

/** The 2024 UN targets on AMR, with where the published TrACSS answers stand against them. */
export function useGlobalTargets() {
  return useQuery({ queryKey: ['global-targets'], queryFn: ({ signal }) => getGlobalTargets(signal) });
}
