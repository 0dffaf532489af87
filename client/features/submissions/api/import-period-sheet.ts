import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PeriodImportBody, PeriodImportResult } from '../../../../shared';
import { API_BASE, apiSend } from '../../../lib/api-client';
import { entryGridKey } from './get-entry-grid';

/** Where the period's XLSX template downloads from (a plain link: the session cookie goes along). */
export const periodTemplateUrl = (periodId: number) => `${API_BASE}/periods/${periodId}/template.xlsx`;

export function importPeriodSheet(periodId: number, body: PeriodImportBody, dryRun: boolean) {
  return apiSend(
    'POST',
    `/periods/${periodId}/import?dryRun=${dryRun}`,
    () => import('../../../../shared/api/period-sheet').then((m) => m.PeriodImportResultSchema),
    body,
  );
}

/** Dry run or apply an uploaded spreadsheet; the grid is reloaded after an apply. */
export function useImportPeriodSheet(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: PeriodImportBody; dryRun: boolean }): Promise<PeriodImportResult> =>
      importPeriodSheet(periodId, v.body, v.dryRun),
    onSuccess: (result) => {
      if (result.applied) {
        void queryClient.invalidateQueries({ queryKey: entryGridKey(periodId) });
        void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
      }
    },
  });
}
