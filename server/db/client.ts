import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { copyOutOwnConnection } from './copy-out';
import { type LockLog, lockDataDir } from './data-dir-lock';
import { migrationsApplied } from './migrations-applied';
import { createPglite } from './pglite';

/**
 * Drizzle without its relational query API (`db.query.<table>`), which nothing here uses: given the
 * schema, drizzle builds a query builder per table for the database and again for every transaction
 * and savepoint it opens (~30 µs per write request, 2.5 ms at start-up, measured 7 December). Queries
 * name their tables (./schema) themselves.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A database or an open transaction: repositories take either. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Every migrating process takes this lock first, so several servers can start against one Postgres. */
const MIGRATION_LOCK_KEY = 7_245_120_193;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a raw query and returns its rows, whichever driver is underneath. */
  rows<T>(query: SQL, tx?: DbOrTx): Promise<T[]>;
  /**
   * Runs fn while holding an exclusive database-wide lock (Postgres advisory lock; PGlite has
   * one connection, so it needs none). Used for migrations and first-start loading.
   */
  withStartupLock<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `COPY (select …) TO STDOUT …` and yields its output (exports). postgres.js streams
   * it from the server; PGlite has no COPY TO STDOUT and writes the whole result to '/dev/blob', so
   * callers keep each PGlite call small (the export runs one per country).
   */
  copyOut(copyToStdout: string): AsyncIterable<Uint8Array>;
  /** Applies the migrations the database lacks; true when it applied any. */
  migrate(db?: Db): Promise<boolean>;
  close(): Promise<void>;
}

/** The rows of a raw `execute`, whichever driver ran it (postgres.js: an array; PGlite: `{ rows }`). */
export function toRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  pgliteDataDir?: string | undefined;
  /** An already open PGlite instance (tests load one from a prepared dump). */
  pglite?: PGlite;
  maxConnections?: number;
  /** Where a taken-over stale PGlite lock is reported. */
  log?: LockLog;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.maxConnections ?? 10);
  return openPglite(opts);
}

// Each driver loads only when it is used: a process needs one of them, and loading both cost start-up time.
// PGlite starts before drizzle loads, so that its WebAssembly compiles meanwhile.
async function openPglite(opts: OpenOptions): Promise<Database> {
  let starting: Promise<PGlite> | undefined;
  let releaseLock = () => {};
  if (!opts.pglite) {
    const dir = opts.pgliteDataDir;
    if (!dir) throw new Error('pgliteDataDir is required when DATABASE_URL is unset');
    mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir, opts.log);
    starting = createPglite(dir);
    starting.catch(() => releaseLock());
  }
  const [{ drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const pg = opts.pglite ?? (await (starting as Promise<PGlite>));
  const db = drizzlePglite({ client: pg }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    rows: async <T>(query: SQL, tx?: DbOrTx) => toRows<T>(await (tx ?? db).execute(query)),
    withStartupLock: (fn) => fn(db),
    copyOut: async function* (copySql) {
      const res = await pg.query(copySql.replace(/TO STDOUT/, "TO '/dev/blob'"));
      if (res.blob) yield new Uint8Array(await res.blob.arrayBuffer());
    },
    migrate: async (d = db) => {
      if (await migrationsApplied(MIGRATIONS_FOLDER, async (text) => (await pg.query(text)).rows as never))
        return false;
      await migratePglite(d as never, { migrationsFolder: MIGRATIONS_FOLDER });
      return true;
    },
    close: async () => {
      if (!pg.closed) await pg.close();
      releaseLock();
    },
  };
}

// postgres.js 3.4.9 is patched (patches/, applied by patch-package on install): a transaction whose
// connection dies during a Postgres restart no longer crashes the process from a setImmediate
// callback nor leaves queries waiting forever (porsager/postgres#1208).
async function openPostgres(url: string, max: number): Promise<Database> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
    await Promise.all([
      import('postgres'),
      import('drizzle-orm/postgres-js'),
      import('drizzle-orm/postgres-js/migrator'),
    ]);
  const client = postgres(url, {
    max,
    onnotice: () => {},
    types: {
      // A NaN or ±Infinity stored before inputs were bounded (a ratio over a tiny denominator) reads
      // as no figure: JSON has no such numbers, every response schema refuses them, and one such
      // row would otherwise answer 500 to everyone reading its country.
      finiteFloat: {
        to: 701,
        from: [700, 701],
        serialize: (x: number) => String(x),
        parse: (x: string) => {
          const n = Number(x);
          return Number.isFinite(n) ? n : null;
        },
      },
    },
    // plan_cache_mode stays Postgres's default (auto). The reporting queries whose plan depends on their
    // values (the counts over a group's members, the heatmap's join) stay unnamed, planned afresh each
    // time (PERFORMANCE-NOTES: a prepared comparison's generic plan was slower). What may reuse a plan are
    // the statements that gain from it: the hot writes' named statements (db/driver.ts, preparedText),
    // the key look-ups every comparison starts with (country, periods, indicators, framework, version,
    // precomputed statistics: .prepare() or preparedText), the triggers' PL/pgSQL and the foreign-key
    // checks Postgres runs for every row written.
    // force_custom_plan, set here until 5 December 2026, re-planned all of those on every run.
    connection: { application_name: 'nap-tracker' },
  });
  const db = drizzlePostgres({ client }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    rows: async <T>(query: SQL, tx?: DbOrTx) => toRows<T>(await (tx ?? db).execute(query)),
    withStartupLock: async (fn) => {
      // A session-level advisory lock lives on one connection: reserve one to hold it while the
      // pool does the work. Other processes wait on the lock until this one has finished.
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        try {
          return await fn(db);
        } finally {
          await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        }
      } finally {
        reserved.release();
      }
    },
    copyOut: (copySql) => copyOutOwnConnection(url, copySql),
    migrate: async (d = db) => {
      if (await migrationsApplied(MIGRATIONS_FOLDER, (text) => client.unsafe(text))) return false;
      await migratePostgres(d as never, { migrationsFolder: MIGRATIONS_FOLDER });
      return true;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
