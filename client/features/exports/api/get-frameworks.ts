import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** Every framework (TrACSS rounds, national frameworks), for the export page's framework filter. */
export function frameworksQueryOptions() {
  return queryOptions({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) =>
      apiGet(
        '/frameworks',
        () => import('../../../../shared/api/frameworks').then((m) => m.FrameworkListSchema),
        { signal },
      ),
  });
}

export function useFrameworks() {
  return useQuery(frameworksQueryOptions());
}
