import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePlanPeriod } from '../../../../shared';
import { apiGet, apiSend } from '../../../lib/api-client';

export const planPeriodsKey = (planId: number) => ['plans', 'periods', planId] as const;

export function planPeriodsQueryOptions(planId: number) {
  return queryOptions({
    queryKey: planPeriodsKey(planId),
    queryFn: ({ signal }) =>
      apiGet(
        `/plans/${planId}/periods`,
        () => import('../../../../shared/api/reporting').then((m) => m.PlanPeriodListSchema),
        { signal },
      ),
  });
}

export function usePlanPeriods(planId: number) {
  return useQuery(planPeriodsQueryOptions(planId));
}

/** Adds a reporting period (a year or a quarter, with its due date); the list is reloaded. */
export function useCreatePlanPeriod(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanPeriod) =>
      apiSend(
        'POST',
        `/plans/${planId}/periods`,
        () => import('../../../../shared/api/reporting').then((m) => m.PlanPeriodSchema),
        body,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planPeriodsKey(planId) });
      void queryClient.invalidateQueries({ queryKey: ['due'] });
    },
  });
}
