import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PeriodImportResult } from '../../../../shared';
import type { Locale } from '../../../../shared/i18n/locale';
import { API_BASE, apiUpload } from '../../../lib/api-client';
import { entryGridKey } from './get-entry-grid';

/** Where the period's XLSX template downloads from (a plain link: the session cookie goes along). */
export const periodTemplateUrl = (periodId: number) => `${API_BASE}/periods/${periodId}/template.xlsx`;

/**
 * Uploads the filled template as the form's `file` (multipart): dry run, or apply. Numbers the file
 * holds as text ("45,5") are read in `locale`, the interface language the person works in.
 */
export function importPeriodSheet(periodId: number, file: File, dryRun: boolean, locale: Locale) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload(
    `/periods/${periodId}/import?dryRun=${dryRun}&locale=${locale}`,
    () => import('../../../../shared/api/period-sheet').then((m) => m.PeriodImportResultSchema),
    form,
  );
}

/** Dry run or apply an uploaded spreadsheet; the grid is reloaded after an apply. */
export function useImportPeriodSheet(periodId: number, locale: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean }): Promise<PeriodImportResult> =>
      importPeriodSheet(periodId, v.file, v.dryRun, locale),
    onSuccess: (result) => {
      if (result.applied) {
        void queryClient.invalidateQueries({ queryKey: entryGridKey(periodId) });
        void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
      }
    },
  });
}
