import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ErrorEnvelope, PutValueBody, StoredValue } from '../../../shared';

/**
 * This browser's offline copy, in IndexedDB (database "nap-tracker-offline"):
 * - answers: the last answer of the API reads a focal point's pages need, by path, with who fetched
 *   it and until when it may be shown (the end of their session);
 * - outbox: values saved while the server could not be reached, in the order they were saved.
 * Signing out deletes both; `clearOfflineData` is what the README tells a user to run otherwise.
 */

export interface KeptAnswer {
  /** The API path with its query (/periods/12/entry, /values?country=JOR). */
  path: string;
  /** Who fetched it; null: a visitor (public data only). */
  userId: number | null;
  body: unknown;
  savedAt: string;
  expiresAt: string;
}

/** The server's refusal of a queued value, kept to show in the grid in the user's language. */
export type KeptError = Pick<
  ErrorEnvelope,
  'statusCode' | 'error' | 'message' | 'code' | 'params' | 'issues'
>;

export type OutboxState = 'waiting' | 'conflict' | 'aside';

export interface OutboxEntry {
  id?: number;
  /** user:period:row — one entry per cell; a later save replaces the body and keeps the place. */
  rowKey: string;
  userId: number;
  periodId: number;
  /** The plan indicator (the grid's row). */
  rowId: number;
  iso3: string;
  /** The code the grid shows, for messages about the value. */
  code: string;
  /** PUT path under /api. */
  path: string;
  body: PutValueBody;
  /** What was typed, as the grid's inputs hold it (restored after a reload). */
  draft: unknown;
  queuedAt: string;
  /** Grows with every save of the cell: a flush knows whether the user typed again meanwhile. */
  revision: number;
  /** The session's CSRF token when queued: the service worker sends with it when no page is open. */
  csrf: string | null;
  state: OutboxState;
  /** conflict: the server's newer value. */
  theirs?: StoredValue;
  /** aside (and conflict): why the server refused it. */
  refusal?: KeptError;
}

interface OfflineDb extends DBSchema {
  answers: { key: string; value: KeptAnswer; indexes: { savedAt: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { rowKey: string; userId: number } };
}

export const OFFLINE_DB = 'nap-tracker-offline';
let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;

/** The database, or null where the browser has no IndexedDB (private modes of some browsers, tests). */
export function offlineDb(): Promise<IDBPDatabase<OfflineDb>> | null {
  if (typeof indexedDB === 'undefined') return null;
  opening ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(db) {
      const answers = db.createObjectStore('answers', { keyPath: 'path' });
      answers.createIndex('savedAt', 'savedAt');
      const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      outbox.createIndex('rowKey', 'rowKey', { unique: true });
      outbox.createIndex('userId', 'userId');
    },
    blocking() {
      // Another tab upgrades the database: let it, and open again on next use.
      void opening?.then((db) => db.close());
      opening = null;
    },
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}
