import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ValuePage, ValueQuerySchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** The query the server parses (after coercion); every field optional on the client. */
export type ValueFilters = Partial<z.infer<typeof ValueQuerySchema>>;

export function getValues(query: ValueFilters, signal?: AbortSignal): Promise<ValuePage> {
  // The schema is imported on use: the home page counts respondents, and its first JS has no zod
  // (docs/decisions/lazy-response-schemas.md).
  const schema = () => import('../../../../shared/api/values').then((m) => m.ValuePageSchema);
  return apiGet('/values', schema, { params: { ...query }, signal });
}

export function valuesQueryOptions(query: ValueFilters) {
  return queryOptions({
    queryKey: ['values', query],
    queryFn: ({ signal }) => getValues(query, signal),
  });
}

export function useValues(query: ValueFilters, options: { enabled?: boolean } = {}) {
  return useQuery({ ...valuesQueryOptions(query), enabled: options.enabled ?? true });
}
