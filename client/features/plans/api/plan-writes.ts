import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan } from '../../../../shared';
import { apiSend, type WriteMethod } from '../../../lib/api-client';
import { countryPlansKey } from './get-country-plans';
import { planKey } from './get-plan';
import { planHistoryKey } from './get-plan-history';

/**
 * Every write of a plan or one of its elements answers the whole plan (progress recomputed): one
 * mutation for all of them, the body already checked with the endpoint's shared schema.
 */
export function sendPlanWrite(method: WriteMethod, path: string, body?: unknown): Promise<Plan> {
  return apiSend(
    method,
    path,
    () => import('../../../../shared/domain/plan').then((m) => m.PlanSchema),
    body,
  );
}

export function usePlanWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { method: WriteMethod; path: string; body?: unknown }) =>
      sendPlanWrite(v.method, v.path, v.body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: countryPlansKey(plan.countryIso3) });
      void queryClient.invalidateQueries({ queryKey: planHistoryKey(plan.id) });
    },
  });
}
