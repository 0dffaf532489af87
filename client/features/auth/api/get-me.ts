import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../shared';
import { ApiError, apiGet, setCsrfToken } from '../../../lib/api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** Who is signed in, or null. Keeps the CSRF token of the session for the api client's writes. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    // 204 (nobody signed in) comes back as null.
    // The schema is imported here, not at the top: every page's header asks who is signed in
    // (docs/decisions/lazy-response-schemas.md).
    const me = await apiGet(
      '/auth/me',
      () => import('../../../../shared/api/auth').then((m) => m.MeSchema.nullable()),
      { signal },
    );
    setCsrfToken(me?.csrfToken ?? null);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.statusCode === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function meQueryOptions() {
  return queryOptions({ queryKey: ME_QUERY_KEY, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
