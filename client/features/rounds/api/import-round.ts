import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from '../../../lib/api-client';

export interface ImportRoundInput {
  code: string;
  file: File;
  dryRun: boolean;
}

/** Uploads the round's spreadsheet as the form's `file` (multipart), the options as fields. */
export function importRound({ code, file, dryRun }: ImportRoundInput) {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  return apiUpload(
    `/rounds/${encodeURIComponent(code)}/import`,
    () => import('../../../../shared/api/rounds').then((m) => m.ImportResultSchema),
    form,
  );
}

/** Dry run or apply; the server answers 422 with every problem cell in `issues`. */
export function useImportRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importRound,
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['compare'] });
    },
  });
}
