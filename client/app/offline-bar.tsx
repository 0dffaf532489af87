import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useMe } from '../features/auth/api/get-me';
import { useI18n } from '../i18n/context';
import {
  getOfflineStatus,
  type OfflineStatus,
  reloadToUpdate,
  subscribeOfflineStatus,
} from '../lib/offline/status';
import { whenPageSettled } from '../lib/page-settled';

export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(subscribeOfflineStatus, getOfflineStatus, getOfflineStatus);
}

/**
 * Starts the offline machinery (the service worker, the outbox's sender) once the page has settled: on a
 * cold visit of /countries/JOR it had started as the page loaded, before the comparison chart was drawn
 * (docs/benchmarks.md, the Chromium rows). Sends the outbox when someone signs in, and fetches everything
 * again when the connection returns, so that no page keeps showing the offline copy.
 */
function useOfflineSync() {
  const queryClient = useQueryClient();
  const me = useMe();
  const userId = me.data?.id ?? null;
  const who = useRef<number | null>(null);
  who.current = userId;
  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    let stop = () => {};
    let cancelled = false;
    const start = () =>
      void Promise.all([import('../lib/offline/sync'), import('../lib/offline/register-sw')]).then(
        ([sync, sw]) => {
          if (cancelled) return;
          stop = sync.startOfflineSync({
            whoAmI: () => who.current,
            onSent: () => {
              void queryClient.invalidateQueries({ queryKey: ['due'] });
              void queryClient.invalidateQueries({ queryKey: ['period-history'] });
            },
          });
          sw.registerServiceWorker();
        },
      );
    // The service worker's downloads and the outbox's database never compete with the page's first content.
    const stopWaiting = whenPageSettled(queryClient, start);
    let wasOffline = getOfflineStatus().offline;
    const unsubscribe = subscribeOfflineStatus(() => {
      const { offline } = getOfflineStatus();
      if (wasOffline && !offline) void queryClient.invalidateQueries();
      wasOffline = offline;
    });
    return () => {
      cancelled = true;
      stopWaiting();
      unsubscribe();
      stop();
    };
  }, [queryClient]);
  useEffect(() => {
    if (userId === null || typeof indexedDB === 'undefined') return;
    void import('../lib/offline/sync').then((s) => s.flushNow());
  }, [userId]);
}

/** Under the header: offline (and since when the data is), values waiting, a session to renew, an update. */
export function OfflineBar() {
  useOfflineSync();
  const s = useOfflineStatus();
  const { t, formatDate } = useI18n();
  return (
    <div aria-live="polite">
      {s.updateReady && (
        <p className="offline-bar offline-bar--update">
          <span>{t('offline.update')}</span>
          <button type="button" className="button button--small" onClick={reloadToUpdate}>
            {t('offline.reload')}
          </button>
        </p>
      )}
      {(s.offline || s.waiting > 0 || s.needsSignIn) && (
        <p className="offline-bar" data-testid="offline-bar">
          {s.offline && (
            <span>
              {s.syncedAt
                ? t('offline.syncedAt', {
                    time: formatDate(s.syncedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })
                : t('offline.noCopy')}
            </span>
          )}
          {s.waiting > 0 && <span>{t('offline.waiting', { count: s.waiting })}</span>}
          {s.needsSignIn && (
            <span>
              {t('offline.signIn')} <Link to="/sign-in">{t('offline.signInLink')}</Link>
            </span>
          )}
        </p>
      )}
    </div>
  );
}
