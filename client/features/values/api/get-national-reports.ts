import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NationalReportList } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** A country's own reports on a published round's questions, newest period first (the public: approved only). */
export function getNationalReports(
  iso3: string,
  framework: string,
  signal?: AbortSignal,
): Promise<NationalReportList> {
  const schema = () => import('../../../../shared/api/values').then((m) => m.NationalReportListSchema);
  return apiGet(`/countries/${encodeURIComponent(iso3)}/national-reports`, schema, {
    params: { framework },
    signal,
  });
}

/** Every cached list starts with this key, so a workflow step can refresh them all. */
export const NATIONAL_REPORTS_KEY = ['national-reports'] as const;

export function nationalReportsQueryOptions(iso3: string, framework: string) {
  return queryOptions({
    queryKey: [...NATIONAL_REPORTS_KEY, iso3, framework],
    queryFn: ({ signal }) => getNationalReports(iso3, framework, signal),
  });
}

export function useNationalReports(iso3: string, framework: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...nationalReportsQueryOptions(iso3, framework), enabled: options.enabled ?? true });
}
