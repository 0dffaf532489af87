import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Round } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export const ROUNDS_KEY = ['rounds'] as const;

export function getRounds(signal?: AbortSignal): Promise<{ items: Round[] }> {
  return apiGet('/rounds', () => import('../../../../shared/api/rounds').then((m) => m.RoundListSchema), {
    signal,
  });
}

export function roundsQueryOptions() {
  return queryOptions({ queryKey: ROUNDS_KEY, queryFn: ({ signal }) => getRounds(signal) });
}

/** The TrACSS rounds, oldest code first. */
export function useRounds() {
  return useQuery(roundsQueryOptions());
}
