import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImportResultSchema, type ImportRoundBody } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';

export function importRound({ code, ...body }: ImportRoundBody & { code: string }) {
  return apiSend('POST', `/rounds/${encodeURIComponent(code)}/import`, ImportResultSchema, body);
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

/** The file's bytes as base64, in chunks (a spread of a large array would overflow the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
