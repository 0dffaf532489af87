import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** A period's history (workflow steps and value changes), or one grid row's value history. */
export function usePeriodHistory(periodId: number, planIndicatorId?: number, enabled = true) {
  const path =
    planIndicatorId === undefined
      ? `/periods/${periodId}/history`
      : `/periods/${periodId}/rows/${planIndicatorId}/history`;
  return useQuery({
    queryKey: ['period-history', periodId, planIndicatorId ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet(path, () => import('../../../../shared/api/history').then((m) => m.PeriodHistorySchema), {
        signal,
      }),
    enabled,
  });
}
