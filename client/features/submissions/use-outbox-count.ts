import { useEffect, useState } from 'react';

/**
 * How many of the user's values of one period wait in the outbox (not sent, in conflict or kept
 * aside): the period is not submitted while any do. Reads IndexedDB lazily, after the first paint.
 */
export function useOutboxCount(userId: number | null, periodId: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (userId === null || typeof indexedDB === 'undefined') return;
    let alive = true;
    let unsubscribe = () => {};
    void import('../../lib/offline/outbox').then((ob) => {
      const read = () =>
        void ob.outboxEntries(userId, periodId).then((entries) => {
          if (alive) setCount(entries.length);
        });
      unsubscribe = ob.subscribeOutbox(read);
      read();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [userId, periodId]);
  return count;
}
