import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan, UpdateActivity } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { countryPlansKey } from './get-country-plans';

export function updateActivity(planId: number, activityId: number, body: UpdateActivity): Promise<Plan> {
  return apiSend(
    'PATCH',
    `/plans/${planId}/activities/${activityId}`,
    () => import('../../../../shared/domain/plan').then((m) => m.PlanSchema),
    body,
  );
}

/** Changes an activity; the answer is the whole plan with its rates recomputed, put into the cache. */
export function useUpdateActivity(iso3: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { planId: number; activityId: number; body: UpdateActivity }) =>
      updateActivity(v.planId, v.activityId, v.body),
    onSuccess: (plan) => {
      queryClient.setQueryData(countryPlansKey(iso3), (old: { items: Plan[] } | undefined) =>
        old ? { items: old.items.map((p) => (p.id === plan.id ? plan : p)) } : old,
      );
    },
  });
}
