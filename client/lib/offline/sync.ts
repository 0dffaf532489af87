import { forgetAnswers } from './answers';
import { clearOutbox, flushOutbox, outboxEntries, subscribeOutbox } from './outbox';
import { sendQueued } from './send';
import { setOfflineStatus } from './status';

/**
 * Sends the outbox when it can: at start, when the browser comes back online, when the service
 * worker's Background Sync fires, and every half minute while values wait (a server that was down
 * says nothing when it is back). Loaded after the first paint.
 */

const RETRY_MS = 30_000;
let whoAmI: () => number | null = () => null;
let onSent: () => void = () => {};
let timer: ReturnType<typeof setInterval> | null = null;

async function countWaiting() {
  const user = whoAmI();
  const entries = user === null ? [] : await outboxEntries(user);
  setOfflineStatus({ waiting: entries.length });
  return entries;
}

/** Sends what waits now (if anyone is signed in and the browser is not offline). */
export async function flushNow(): Promise<void> {
  const user = whoAmI();
  if (user === null) return;
  if (globalThis.navigator?.onLine === false) return void (await countWaiting());
  const summary = await flushOutbox(user, sendQueued);
  if (summary.stoppedBy === 'sign-in') setOfflineStatus({ needsSignIn: true });
  else if (summary.stoppedBy === null) setOfflineStatus({ needsSignIn: false });
  if (summary.sent) onSent();
  await countWaiting();
}

/** Asks the service worker to send the outbox when the connection returns, page open or not. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = await globalThis.navigator?.serviceWorker?.ready;
    const sync = (
      reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    )?.sync;
    await sync?.register('nap-tracker-outbox');
  } catch {
    // No Background Sync here: the page sends on reconnect and at the next start.
  }
}

export function startOfflineSync(options: { whoAmI: () => number | null; onSent: () => void }): () => void {
  whoAmI = options.whoAmI;
  onSent = options.onSent;
  const online = () => {
    setOfflineStatus({ offline: false });
    void flushNow();
  };
  const offline = () => setOfflineStatus({ offline: true });
  globalThis.addEventListener?.('online', online);
  globalThis.addEventListener?.('offline', offline);
  const fromWorker = (m: MessageEvent<{ type?: string }>) => {
    if (m.data?.type === 'flush-outbox') void flushNow();
  };
  globalThis.navigator?.serviceWorker?.addEventListener('message', fromWorker);
  const unsubscribe = subscribeOutbox((e) => {
    if (e.type === 'changed') void countWaiting();
  });
  timer = setInterval(() => {
    void countWaiting().then((waiting) => {
      if (waiting.some((w) => w.state === 'waiting')) void flushNow();
    });
  }, RETRY_MS);
  void flushNow();
  return () => {
    globalThis.removeEventListener?.('online', online);
    globalThis.removeEventListener?.('offline', offline);
    globalThis.navigator?.serviceWorker?.removeEventListener('message', fromWorker);
    unsubscribe();
    if (timer) clearInterval(timer);
  };
}

/** Everything this browser keeps for `userId`: the kept answers, the outbox and the typed drafts. */
export async function clearOfflineData(userId: number | null): Promise<void> {
  await forgetAnswers();
  if (userId !== null) await clearOutbox(userId);
  const storage = globalThis.localStorage;
  if (storage) {
    const drafts = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (k): k is string => !!k?.startsWith('nap-draft:'),
    );
    for (const k of drafts) storage.removeItem(k);
  }
  setOfflineStatus({ waiting: 0, needsSignIn: false });
}
