import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanPeriod, Transition } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { entryGridKey } from './get-entry-grid';

export function transitionPeriod(
  periodId: number,
  t: Transition,
  body: { version: number; reason?: string },
): Promise<PlanPeriod> {
  const schema = () => import('../../../../shared/api/reporting').then((m) => m.PlanPeriodSchema);
  return apiSend('POST', `/periods/${periodId}/${t}`, schema, body);
}

/**
 * Submit, approve, return or reopen; the grid is reloaded afterwards (lock, history). A step changes
 * what other pages show (an approved report becomes the country's, plans' progress, national
 * comparisons): every other cached answer is marked stale, so those pages ask again when next shown.
 */
export function useTransition(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { t: Transition; version: number; reason?: string }): Promise<PlanPeriod> =>
      transitionPeriod(periodId, v.t, { version: v.version, ...(v.reason ? { reason: v.reason } : {}) }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
      void queryClient.invalidateQueries({ refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: entryGridKey(periodId) });
    },
  });
}
