import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Plan } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getPlan(planId: number, signal?: AbortSignal): Promise<Plan> {
  return apiGet(
    `/plans/${planId}`,
    () => import('../../../../shared/domain/plan').then((m) => m.PlanSchema),
    { signal },
  );
}

export const planKey = (planId: number) => ['plans', 'id', planId] as const;

export function planQueryOptions(planId: number) {
  return queryOptions({ queryKey: planKey(planId), queryFn: ({ signal }) => getPlan(planId, signal) });
}

export function usePlan(planId: number) {
  return useQuery(planQueryOptions(planId));
}
