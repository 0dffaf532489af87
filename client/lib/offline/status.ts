/**
 * What the header says about the connection: offline (and since when the data on screen was synced),
 * values waiting to be sent, a session to renew before they can be, a new version of the app ready.
 * A tiny store with no dependencies: it is in the first page's JS, the offline code it reports on is not.
 */

export interface OfflineStatus {
  /** The browser says it has no network, or the server could not be reached on the last request. */
  offline: boolean;
  /** When the data shown offline was fetched (ISO): the oldest answer served from this browser's copy. */
  syncedAt: string | null;
  /** Values in the outbox of the signed-in user, not yet accepted by the server. */
  waiting: number;
  /** The session ended while values waited: they are sent after the next sign-in. */
  needsSignIn: boolean;
  /** A new deployment is installed and waits for a reload. */
  updateReady: boolean;
}

let status: OfflineStatus = {
  offline: typeof navigator !== 'undefined' && navigator.onLine === false,
  syncedAt: null,
  waiting: 0,
  needsSignIn: false,
  updateReady: false,
};
const listeners = new Set<() => void>();

export function getOfflineStatus(): OfflineStatus {
  return status;
}

export function setOfflineStatus(patch: Partial<OfflineStatus>): void {
  const next = { ...status, ...patch };
  if ((Object.keys(patch) as (keyof OfflineStatus)[]).every((k) => next[k] === status[k])) return;
  status = next;
  for (const l of listeners) l();
}

export function subscribeOfflineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whatever applies the waiting update (set by the service worker's registration). */
let applyUpdate: (() => void) | null = null;
export function setUpdateHandler(fn: (() => void) | null): void {
  applyUpdate = fn;
  setOfflineStatus({ updateReady: fn !== null });
}
export function reloadToUpdate(): void {
  if (applyUpdate) applyUpdate();
  else globalThis.location?.reload();
}

/** An answer came from the network: the server is reachable again. */
export function markReachable(): void {
  if (status.offline || status.syncedAt) setOfflineStatus({ offline: false, syncedAt: null });
}

/** An answer came from this browser's copy, fetched at `savedAt`. */
export function markServedOffline(savedAt: string): void {
  const older = status.syncedAt && status.syncedAt < savedAt ? status.syncedAt : savedAt;
  setOfflineStatus({ offline: true, syncedAt: older });
}
