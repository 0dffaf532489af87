import { type DefaultOptions, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

/**
 * The one QueryClient configuration of the app.
 *
 * - staleTime 5 min: reference data (countries, TrACSS rounds) changes once a year at most,
 *   so pages switch instantly and do not refetch on every visit.
 * - retry: never retry a 4xx (an unknown country stays unknown); retry other failures twice.
 * - refetchOnWindowFocus off: ministries keep tabs open for hours; refocusing should not
 *   make tables jump.
 *
 * Tests pass `overrides` (e.g. `retry: false`) instead of the app branching on the environment.
 */
export function createQueryClient(overrides: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.isClientError) return false;
          return failureCount < 2;
        },
        ...overrides,
      },
    },
  });
}
