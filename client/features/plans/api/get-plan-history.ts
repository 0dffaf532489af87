import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export type PlanHistoryFilter = { entityType?: HistoryEntry['entityType']; entityId?: number };

export function getPlanHistory(planId: number, f: PlanHistoryFilter, signal?: AbortSignal) {
  return apiGet(
    `/plans/${planId}/history`,
    () => import('../../../../shared/api/plan-edit').then((m) => m.HistoryListSchema),
    { params: f, signal },
  );
}

export const planHistoryKey = (planId: number, f?: PlanHistoryFilter) =>
  f ? (['plan-history', planId, f] as const) : (['plan-history', planId] as const);

export function planHistoryQueryOptions(planId: number, f: PlanHistoryFilter = {}) {
  return queryOptions({
    queryKey: planHistoryKey(planId, f),
    queryFn: ({ signal }) => getPlanHistory(planId, f, signal),
  });
}

export function usePlanHistory(planId: number, f: PlanHistoryFilter = {}, enabled = true) {
  return useQuery({ ...planHistoryQueryOptions(planId, f), enabled });
}
