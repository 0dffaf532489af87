import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A raw query on the database being started, whichever driver: its rows. */
export type RawQuery = (text: string) => Promise<Record<string, unknown>[]>;

/** The `when` of the journal's latest migration: drizzle records it as created_at once it is applied. */
async function latestInJournal(migrationsFolder: string): Promise<number> {
  const journal = JSON.parse(
    await readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Whether the database already has every migration of the journal. Drizzle's migrator applies the
 * migrations whose `when` is later than the latest created_at it recorded: when none is, it changes
 * nothing, but only after reading and hashing every migration file and sending five statements (on
 * PGlite, 23–30 ms of a restart against 9–12 ms for this check, docs/benchmarks.md). This reads the
 * journal and asks two questions. A database without drizzle's table has no migration yet.
 */
export async function migrationsApplied(migrationsFolder: string, query: RawQuery): Promise<boolean> {
  const latest = latestInJournal(migrationsFolder);
  latest.catch(() => {}); // awaited below, after the database has answered
  const [table] = await query(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (table?.present !== true) return false;
  const [row] = await query('select max(created_at)::text as applied from drizzle.__drizzle_migrations');
  const applied = row?.applied;
  return typeof applied === 'string' && Number(applied) >= (await latest);
}
