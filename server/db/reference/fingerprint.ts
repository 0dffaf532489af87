import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { MIGRATIONS_FOLDER } from '../client';
import { REFERENCE_DATA_DIR } from './paths';

/** The loaders' own folder: a change to how the data is loaded counts as a change of the data. */
const LOADERS_DIR = path.join(path.dirname(REFERENCE_DATA_DIR), 'reference');

function filesUnder(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function contentOf(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

/**
 * A hash of everything the reference loaders read or are: the reference data files, the loaders'
 * sources (server/db/reference) and the migration journal (a new migration may need them to run
 * again). Equal to the one the database recorded → the loaders would change nothing, and a restart
 * skips them (they took most of the ~1 s a restart spent preparing the database).
 *
 * Read synchronously: ~2.5 MB in 44 files, 8–9 ms of a restart. Read with fs/promises, one file after
 * another, while the server loaded its modules and built its app, the reads advanced only between the
 * main thread's tasks and finished 42–56 ms after the app was built (restarts on Postgres, 7 December).
 */
export function referenceFingerprint(): string {
  const h = createHash('sha256');
  const files = [
    ...filesUnder(REFERENCE_DATA_DIR),
    ...filesUnder(LOADERS_DIR),
    path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'),
  ];
  for (const file of files) {
    h.update(`${path.relative(path.dirname(REFERENCE_DATA_DIR), file)}\0`);
    h.update(contentOf(file));
    h.update('\0');
  }
  return h.digest('hex');
}

/*
 * Where the database records the fingerprint it was loaded with: the comment of the countries table.
 * It needs no schema change, travels with pg_dump and PGlite backups, and is written in the loaders'
 * transaction, so it never claims data that was not committed.
 */
const PREFIX = 'nap-tracker reference data ';

export async function storedReferenceFingerprint(db: DbOrTx): Promise<string | null> {
  // pg_description read directly: obj_description() is a SQL function over the same row that a cold
  // PGlite plans and runs in 24–37 ms of a restart, against 9–15 ms for this (docs/benchmarks.md).
  const result = await db.execute(
    sql`select description as comment from pg_description
      where objoid = 'countries'::regclass and classoid = 'pg_class'::regclass and objsubid = 0`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    comment: string | null;
  }[];
  const comment = rows[0]?.comment ?? '';
  return comment.startsWith(PREFIX) ? comment.slice(PREFIX.length) : null;
}

export async function storeReferenceFingerprint(db: DbOrTx, fingerprint: string): Promise<void> {
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new Error('not a fingerprint');
  await db.execute(sql.raw(`comment on table countries is '${PREFIX}${fingerprint}'`));
}
