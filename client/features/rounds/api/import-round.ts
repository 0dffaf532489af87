import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportRoundBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';

export function importRound({ code, ...body }: ImportRoundBody & { code: string }) {
  return apiSend(
    'POST',
    `/rounds/${encodeURIComponent(code)}/import`,
    () => import('../../../../shared/api/rounds').then((m) => m.ImportResultSchema),
    body,
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
