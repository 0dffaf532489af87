import { Workbox } from 'workbox-window';
import { setUpdateHandler } from './status';

/**
 * Registers the service worker (built by vite-plugin-pwa from client/sw.ts: the app shell precached,
 * the outbox sent by Background Sync). A new deployment installs in the background and waits; the
 * page offers a reload, which activates it — no page runs a stale shell against a newer server.
 * Not in development (Vite serves modules, not the built shell).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    setUpdateHandler(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register().catch(() => {
    // No service worker (an old browser, a private window): the app works online as before.
  });
}
