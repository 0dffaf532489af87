import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ValidatorComment } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { entryGridKey } from './get-entry-grid';

/** POST /api/periods/{periodId}/rows/{planIndicatorId}/validator-comment (validators, while submitted). */
export function useValidatorComment(periodId: number, planIndicatorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (comment: string): Promise<ValidatorComment> => {
      const { ValidatorCommentBodySchema, ValidatorCommentSchema } = await import(
        '../../../../shared/api/reporting'
      );
      const body = ValidatorCommentBodySchema.parse({ comment });
      return apiSend(
        'POST',
        `/periods/${periodId}/rows/${planIndicatorId}/validator-comment`,
        ValidatorCommentSchema,
        body,
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
      return queryClient.invalidateQueries({ queryKey: entryGridKey(periodId) });
    },
  });
}
