import type { StoredValue } from '../../../shared';
import { type OutboxEntry, offlineDb } from './db';
import type { SendResult } from './send-result';

/**
 * The outbox: values saved while the server could not be reached, sent in the order they were saved
 * when it can be again. One entry per cell (a later save replaces the body, keeps the place and the
 * version the user started from, so the server still detects a change made meanwhile). Nothing is
 * dropped without the user: a conflict waits for "keep mine / take theirs", a refused value (the period
 * was submitted or approved meanwhile) is kept aside until the user copies or discards it.
 * Used by the page and by the service worker (Background Sync), so no DOM and no React here.
 */

export type { OutboxEntry };

export const rowKeyOf = (userId: number, periodId: number, rowId: number) => `${userId}:${periodId}:${rowId}`;

export { refusalResult, type SendResult } from './send-result';

export type OutboxEvent =
  /** rowKey: the cell that changed; absent: any (the outbox was cleared). */
  | { type: 'changed'; rowKey?: string }
  | { type: 'sent'; rowKey: string; periodId: number; rowId: number; stored: StoredValue };

const listeners = new Set<(e: OutboxEvent) => void>();
const CHANNEL = 'nap-tracker-outbox';
let channel: BroadcastChannel | null = null;

/** Events of this page, and of other tabs and the service worker through a BroadcastChannel. */
export function subscribeOutbox(listener: (e: OutboxEvent) => void): () => void {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (m: MessageEvent<OutboxEvent>) => {
      for (const l of listeners) l(m.data);
    };
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: OutboxEvent) {
  for (const l of listeners) l(e);
  try {
    channel ??= typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
    channel?.postMessage(e);
  } catch {
    // A closed channel: the other tabs read the outbox on their next start.
  }
}

async function db() {
  const d = await offlineDb();
  if (!d) throw new Error('This browser has no IndexedDB: values cannot be kept offline');
  return d;
}

/**
 * Users whose entries this page deleted at sign-out. A save of theirs still on its way (typed before the
 * sign-out, its request failing after) must not put an entry back into a browser they were told keeps
 * nothing of theirs; signing in again opens their outbox (`reopenOutbox`).
 */
const closedUsers = new Set<number>();

export function reopenOutbox(userId: number): void {
  closedUsers.delete(userId);
}

/**
 * Queues a value (or replaces the waiting one of the same cell, keeping its place and base version).
 * False when the user has signed out on this page meanwhile: nothing is kept.
 */
export async function queueValue(
  entry: Omit<OutboxEntry, 'id' | 'rowKey' | 'state' | 'queuedAt' | 'revision'>,
  now = new Date(),
): Promise<boolean> {
  const d = await db();
  const rowKey = rowKeyOf(entry.userId, entry.periodId, entry.rowId);
  // Checked as the transaction starts: IndexedDB runs a sign-out's clear, started later, after it.
  if (closedUsers.has(entry.userId)) return false;
  const tx = d.transaction('outbox', 'readwrite');
  const existing = await tx.store.index('rowKey').get(rowKey);
  const base = existing?.state === 'waiting' ? existing.body.version : entry.body.version;
  const next: OutboxEntry = {
    ...entry,
    body: { ...entry.body, ...(base === undefined ? {} : { version: base }) },
    rowKey,
    state: 'waiting',
    queuedAt: now.toISOString(),
    revision: (existing?.revision ?? 0) + 1,
    ...(existing?.id === undefined ? {} : { id: existing.id }),
  };
  if (next.body.version === undefined) delete next.body.version;
  await tx.store.put(next);
  await tx.done;
  emit({ type: 'changed', rowKey });
  return true;
}

/** The user's entries (of one period), in the order they were saved. */
export async function outboxEntries(userId: number, periodId?: number): Promise<OutboxEntry[]> {
  const d = await offlineDb();
  if (!d) return [];
  const all = await d.getAllFromIndex('outbox', 'userId', userId);
  return all
    .filter((e) => periodId === undefined || e.periodId === periodId)
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

/** Whose entries wait here (the service worker sends each user's with their session). */
export async function outboxUsers(): Promise<number[]> {
  const d = await offlineDb();
  if (!d) return [];
  return [...new Set((await d.getAll('outbox')).map((e) => e.userId))];
}

export async function outboxEntry(rowKey: string): Promise<OutboxEntry | undefined> {
  const d = await offlineDb();
  return d?.getFromIndex('outbox', 'rowKey', rowKey);
}

/** Drops one cell's entry (sent by hand, "take theirs", discarded by the user). */
export async function removeOutboxEntry(rowKey: string): Promise<void> {
  const d = await offlineDb();
  if (!d) return;
  const tx = d.transaction('outbox', 'readwrite');
  const key = await tx.store.index('rowKey').getKey(rowKey);
  if (key !== undefined) await tx.store.delete(key);
  await tx.done;
  emit({ type: 'changed', rowKey });
}

/** Puts an entry kept aside back in the queue (the user tries again). */
export async function retryOutboxEntry(rowKey: string): Promise<void> {
  const d = await db();
  const entry = await d.getFromIndex('outbox', 'rowKey', rowKey);
  if (!entry) return;
  const { theirs: _t, refusal: _r, ...rest } = entry;
  await d.put('outbox', { ...rest, state: 'waiting' });
  emit({ type: 'changed', rowKey });
}

/**
 * Deletes the user's entries (sign-out, after the warning). It waits for a flush under way (this page's,
 * another tab's or the service worker's), whose writes would otherwise put back an entry it read before.
 */
export async function clearOutbox(userId: number): Promise<void> {
  closedUsers.add(userId);
  const d = await offlineDb();
  if (!d) return;
  await exclusively(async () => {
    const tx = d.transaction('outbox', 'readwrite');
    for (const key of await tx.store.index('userId').getAllKeys(userId)) await tx.store.delete(key);
    await tx.done;
    return { sent: 0, conflicts: 0, aside: 0, waiting: 0, stoppedBy: null };
  });
  emit({ type: 'changed' });
}

export interface FlushSummary {
  sent: number;
  conflicts: number;
  aside: number;
  /** Entries still waiting (the server was not reachable, or the session ended). */
  waiting: number;
  stoppedBy: 'retry' | 'sign-in' | null;
}

/** One flush at a time across tabs and the service worker (Web Locks), else within this context. */
let running: Promise<FlushSummary> | null = null;
function exclusively(fn: () => Promise<FlushSummary>): Promise<FlushSummary> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request('nap-tracker-outbox', () => fn()) as unknown as Promise<FlushSummary>;
  const next = (running ?? Promise.resolve()).then(fn, fn);
  running = next;
  return next;
}

/**
 * Sends the user's waiting entries in the order they were saved, one at a time; stops at the first
 * that cannot be sent now (no network, server failure, session ended) so that order holds.
 */
export function flushOutbox(
  userId: number,
  send: (e: OutboxEntry) => Promise<SendResult>,
): Promise<FlushSummary> {
  return exclusively(async () => {
    const summary: FlushSummary = { sent: 0, conflicts: 0, aside: 0, waiting: 0, stoppedBy: null };
    const entries = (await outboxEntries(userId)).filter((e) => e.state === 'waiting');
    for (const [i, entry] of entries.entries()) {
      // Read again: the user may have changed or discarded it while the previous one was sent.
      const current = await outboxEntry(entry.rowKey);
      if (current?.state !== 'waiting') continue;
      const result = await send(current);
      const d = await db();
      if (result.kind === 'retry' || result.kind === 'sign-in') {
        summary.stoppedBy = result.kind;
        summary.waiting = entries.length - i;
        break;
      }
      // The user may have typed again while it was on its way: a newer body stays queued.
      const after = await outboxEntry(entry.rowKey);
      const changedMeanwhile = after && after.revision !== current.revision;
      if (result.kind === 'sent') {
        summary.sent++;
        if (changedMeanwhile && after) {
          await d.put('outbox', { ...after, body: { ...after.body, version: result.stored.version } });
        } else if (after?.id !== undefined) {
          await d.delete('outbox', after.id);
        }
        emit({
          type: 'sent',
          rowKey: entry.rowKey,
          periodId: entry.periodId,
          rowId: entry.rowId,
          stored: result.stored,
        });
      } else if (after?.id !== undefined) {
        if (result.kind === 'conflict') summary.conflicts++;
        else summary.aside++;
        await d.put('outbox', {
          ...after,
          state: result.kind,
          refusal: result.refusal,
          ...(result.kind === 'conflict' ? { theirs: result.theirs } : {}),
        });
      }
      emit({ type: 'changed', rowKey: entry.rowKey });
    }
    return summary;
  });
}
