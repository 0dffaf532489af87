import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ValuePage, ValuePageSchema, type ValueQuerySchema } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** The query the server parses (after coercion); every field optional on the client. */
export type ValueFilters = Partial<z.infer<typeof ValueQuerySchema>>;

export function getValues(query: ValueFilters, signal?: AbortSignal): Promise<ValuePage> {
  return apiGet('/values', ValuePageSchema, { params: { ...query }, signal });
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
