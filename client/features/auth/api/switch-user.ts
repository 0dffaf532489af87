import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../shared';
import { ME_QUERY_KEY } from './get-me';

const isMe = (key: readonly unknown[]) => key[0] === ME_QUERY_KEY[0] && key[1] === ME_QUERY_KEY[1];

/**
 * Someone else now uses this browser (signed in, or signed out): who is signed in is set first, in
 * the same query its observers watch (removing queries would leave mounted observers on the dropped
 * ones), then every other query is reset — its data of the previous person dropped, active ones
 * fetched again for the new one.
 */
export function switchUser(queryClient: QueryClient, me: Me | null): void {
  // Synchronous up to here: the caller navigates next, and the new page must already see who is signed in.
  void queryClient.cancelQueries({ queryKey: ME_QUERY_KEY, exact: true });
  queryClient.setQueryData(ME_QUERY_KEY, me);
  // Not awaited: the pages refetch on their own; the sign-in does not wait for them.
  void queryClient.resetQueries({ predicate: (q) => !isMe(q.queryKey) });
}
