import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Plan } from '../../../../shared';
import { apiSend, type WriteMethod } from '../../../lib/api-client';
import type { useErrorText } from '../../../lib/error-text';
import { countryPlansKey } from './get-country-plans';
import { planKey } from './get-plan';
import { planHistoryKey } from './get-plan-history';

/**
 * Every write of a plan or one of its elements answers the whole plan (progress recomputed): one
 * mutation for all of them, the body already checked with the endpoint's shared schema.
 */
export function sendPlanWrite(method: WriteMethod, path: string, body?: unknown): Promise<Plan> {
  return apiSend(
    method,
    path,
    () => import('../../../../shared/domain/plan').then((m) => m.PlanSchema),
    body,
  );
}

export function usePlanWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { method: WriteMethod; path: string; body?: unknown }) =>
      sendPlanWrite(v.method, v.path, v.body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: countryPlansKey(plan.countryIso3) });
      void queryClient.invalidateQueries({ queryKey: planHistoryKey(plan.id) });
    },
  });
}

/**
 * The element forms' save: a body the shared schema refused shows its issues (naming the fields);
 * otherwise it is sent to `path` (POST for a new element, PATCH for an existing one), a new-element
 * form is cleared on success, and the server's refusal is shown.
 */
export function saveElement(
  write: ReturnType<typeof usePlanWrite>,
  parsed: z.ZodSafeParseResult<unknown>,
  opts: {
    path: string;
    isNew: boolean;
    form: HTMLFormElement;
    setError: (e: string | null) => void;
    onDone?: () => void;
    /** The interface's words for problems (useErrorText). */
    words: Pick<ReturnType<typeof useErrorText>, 'errorText' | 'zodText'>;
  },
): void {
  const { path, isNew, form, setError, onDone, words } = opts;
  if (!parsed.success) {
    setError(words.zodText(parsed.error));
    return;
  }
  setError(null);
  write.mutate(
    { method: isNew ? 'POST' : 'PATCH', path, body: parsed.data },
    {
      onSuccess: () => {
        if (isNew) form.reset();
        onDone?.();
      },
      onError: (err) => setError(words.errorText(err)),
    },
  );
}
