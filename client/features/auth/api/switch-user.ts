import { notifyManager, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../shared';
import { GLOBAL_ROLES } from '../../../../shared/constants/role';
import { ME_QUERY_KEY } from './get-me';

const isMe = (key: readonly unknown[]) => key[0] === ME_QUERY_KEY[0] && key[1] === ME_QUERY_KEY[1];

/**
 * Someone else now uses this browser (signed in, or signed out): who is signed in is set first, in
 * the same query its observers watch (removing queries would leave mounted observers on the dropped
 * ones), then every other query loses the previous person's data and the ones still on screen fetch
 * again for the new one.
 */
export function switchUser(queryClient: QueryClient, me: Me | null): void {
  // Synchronous up to here: the caller navigates next, and the new page must already see who is signed in.
  void queryClient.cancelQueries({ queryKey: ME_QUERY_KEY, exact: true });
  queryClient.setQueryData(ME_QUERY_KEY, me);
  // Who is signed in is kept for working offline (the sign-in answer is not a GET the client keeps).
  if (me && typeof indexedDB !== 'undefined') {
    const owner = { userId: me.id, allCountries: me.roles.some((r) => GLOBAL_ROLES.includes(r.role)) };
    void import('../../../lib/offline/answers').then((m) => m.keepAnswer('/auth/me', me, owner));
  }
  const others = { predicate: (q: { queryKey: readonly unknown[] }) => !isMe(q.queryKey) };
  if (me) {
    // Not awaited: the pages refetch on their own; the sign-in does not wait for them.
    void queryClient.resetQueries(others);
    return;
  }
  // Signed out: drop the data now, but fetch again only after the pages have seen the signed-out user,
  // so what they unmount (notices, a protected page that redirects to sign-in) does not ask the server
  // for data it would refuse with 401. notifyManager delivers the change above on its own schedule;
  // scheduling the refetch through it runs it after that delivery.
  notifyManager.batch(() => {
    for (const q of queryClient.getQueryCache().findAll(others)) q.reset();
  });
  notifyManager.schedule(() => {
    setTimeout(() => void queryClient.refetchQueries({ ...others, type: 'active' }), 0);
  });
}
