import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/**
 * The values behind one plan indicator's progress, each with its source: the country's reports the
 * caller may see and the published answers to the question it follows (for the progress chart).
 */
export function useIndicatorValues(planId: number, planIndicatorId: number) {
  return useQuery({
    queryKey: ['plan-indicator-values', planId, planIndicatorId],
    queryFn: ({ signal }) =>
      apiGet(
        `/plans/${planId}/indicators/${planIndicatorId}/values`,
        () => import('../../../../shared/api/plan-indicators').then((m) => m.PlanIndicatorValueListSchema),
        { signal },
      ),
  });
}
