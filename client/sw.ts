/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { StoredValue } from '../shared';
import { CSRF_HEADER } from '../shared/api/headers';
import type { KeptError } from './lib/offline/db';
import {
  flushOutbox,
  type OutboxEntry,
  outboxUsers,
  refusalResult,
  type SendResult,
} from './lib/offline/outbox';

/*
 * The service worker (built by vite-plugin-pwa, injectManifest): the app shell and every hashed asset
 * precached, so the app opens with no connection; every page address answered with the shell (the
 * React router takes it from there); the API never cached here — the page keeps the answers a user
 * may keep (lib/offline/answers.ts) and the outbox (lib/offline/outbox.ts), both in IndexedDB.
 * A new version installs and waits until the page asks it to take over (the "Reload" prompt).
 */

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // The API, its documentation and the metrics are the server's own pages.
    denylist: [/^\/api(\/|$)/, /^\/metrics$/],
  }),
);
// The first install controls the open page at once (nothing older to replace).
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** Background Sync: the connection is back. An open page sends (with its live session); else this does. */
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag === 'nap-tracker-outbox') e.waitUntil(syncOutbox());
});

async function syncOutbox(): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window' });
  if (pages.length > 0) {
    for (const page of pages) page.postMessage({ type: 'flush-outbox' });
    return;
  }
  for (const user of await outboxUsers()) {
    const summary = await flushOutbox(user, sendFromWorker);
    // Still offline for the browser's purposes: let Background Sync try again later.
    if (summary.stoppedBy === 'retry') throw new Error('the server could not be reached; sync again later');
  }
}

/** One queued value, sent with the session cookie and the CSRF token of the session it was saved in. */
async function sendFromWorker(entry: OutboxEntry): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(`/api${entry.path}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(entry.csrf ? { [CSRF_HEADER]: entry.csrf } : {}),
      },
      body: JSON.stringify(entry.body),
    });
  } catch {
    return { kind: 'retry' };
  }
  const body = (await res.json().catch(() => null)) as
    | (KeptError & { current?: StoredValue })
    | StoredValue
    | null;
  if (res.ok) return { kind: 'sent', stored: body as StoredValue };
  const envelope = (body ?? {}) as KeptError & { current?: StoredValue };
  const refusal: KeptError = {
    statusCode: res.status,
    error: envelope.error ?? res.statusText,
    message: envelope.message ?? `The server answered ${res.status}`,
    code: envelope.code,
    params: envelope.params,
    issues: envelope.issues,
  };
  return refusalResult(refusal, envelope.current ?? null);
}
