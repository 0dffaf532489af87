import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** A country's values of one indicator, every period (for the progress chart). */
export function useIndicatorValues(iso3: string, framework: string, indicator: string) {
  return useQuery({
    queryKey: ['values', { country: iso3, framework, indicator }],
    queryFn: ({ signal }) =>
      apiGet('/values', () => import('../../../../shared/api/values').then((m) => m.ValuePageSchema), {
        params: { country: iso3, framework, indicator, limit: 200 },
        signal,
      }),
  });
}
