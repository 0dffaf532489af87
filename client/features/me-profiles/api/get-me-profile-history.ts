import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

export function getMeProfileHistory(iso3: string, signal?: AbortSignal): Promise<{ items: AuditEntry[] }> {
  return apiGet(
    `/countries/${iso3}/me-profile/history`,
    () => import('../../../../shared/api/reporting').then((m) => m.AuditListSchema),
    { signal },
  );
}

export const meProfileHistoryKey = (iso3: string) => ['me-profile-history', iso3] as const;

/** Who saved, submitted, approved or returned which section, when; loaded when the disclosure opens. */
export function useMeProfileHistory(iso3: string, enabled: boolean) {
  return useQuery({
    queryKey: meProfileHistoryKey(iso3),
    queryFn: ({ signal }) => getMeProfileHistory(iso3, signal),
    enabled,
  });
}
