import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../server/db/bootstrap';
import { type Database, MIGRATIONS_FOLDER, openDatabase } from '../../server/db/client';
import { migrationsApplied } from '../../server/db/migrations-applied';
import { withDatabase } from '../setup/server-global';

async function counts(database: Database) {
  const [row] = await database.rows<{
    countries: number;
    indicators: number;
    indicators2025: number;
    followers: number;
    values: number;
    runs: number;
    jordan: number;
  }>(sql`
    select (select count(*)::int from countries) as countries,
           (select count(*)::int from indicators where framework_code = 'tracss-2019-2020') as indicators,
           (select count(*)::int from indicators where framework_code = 'tracss-2025') as indicators2025,
           (select count(*)::int from indicators where follows_indicator_id is not null) as followers,
           (select count(*)::int from indicator_values) as values,
           (select count(*)::int from import_runs) as runs,
           (select count(*)::int from plan_indicators) as jordan`);
  return row;
}

/**
 * 113 questions of the 2019–2020 round and 110 of the 2025 one; no indicator following a TrACSS question
 * (Jordan's plan follows none); the answers of both rounds (11,513 + 19,027), one import run each; the
 * indicators of Jordan's M&E plan, loaded once.
 */
const EXPECTED = {
  countries: 249,
  indicators: 113,
  indicators2025: 110,
  followers: 0,
  values: 11_513 + 19_027,
  runs: 2,
  jordan: 97,
};

describe('first start', () => {
  // A whole reference load, twice: minutes on a loaded 2-core machine (an upper bound, not a budget).
  it('migrates and loads the reference data once, however often it runs (PGlite)', {
    timeout: 240_000,
  }, async () => {
    const database = await openDatabase({ pglite: await PGlite.create() });
    await prepareDatabase(database, { loadReferenceData: true });
    expect(await counts(database)).toEqual(EXPECTED);
    await prepareDatabase(database, { loadReferenceData: true });
    expect(await counts(database)).toEqual(EXPECTED);
    await database.close();
  });

  it('skips the reference loaders on a restart unless their files or code changed', {
    timeout: 240_000,
  }, async () => {
    const database = await openDatabase({ pglite: await PGlite.create() });
    // The server's options: the planner statistics are checked before serving only after a start that wrote.
    const restart = () =>
      prepareDatabase(database, { loadReferenceData: true, deferUnchangedStatistics: true });
    expect(await restart()).toEqual({ statisticsDeferred: false });
    const sharedGroups = async () =>
      (
        await database.rows<{ n: number }>(
          sql`select count(*)::int as n from peer_groups where visibility = 'shared'`,
        )
      )[0]?.n;
    expect(await sharedGroups()).toBe(1);
    // A restart with the same reference data runs no loader: the deleted seed stays deleted.
    await database.rows(sql`delete from peer_groups`);
    expect(await restart()).toEqual({ statisticsDeferred: true });
    expect(await sharedGroups()).toBe(0);
    // Without the option (the command-line tools, the tests' set-up) the check runs whatever happened.
    expect(await prepareDatabase(database, { loadReferenceData: true })).toEqual({
      statisticsDeferred: false,
    });
    // A database loaded with other files (here: no record of them) gets the loaders again.
    await database.rows(sql`comment on table countries is null`);
    expect(await restart()).toEqual({ statisticsDeferred: false });
    expect(await sharedGroups()).toBe(1);
    expect(await counts(database)).toEqual(EXPECTED);
    await database.close();
  });

  it.runIf(process.env.DATABASE_URL)(
    'lets several server processes start together on one empty Postgres database',
    async () => {
      const url = process.env.DATABASE_URL as string;
      const name = `nap_test_startup_${process.pid}_${Date.now()}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const target = withDatabase(url, name);
      const servers = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ databaseUrl: target, maxConnections: 3 })),
      );
      try {
        // Each "process" has its own pool; the advisory lock serialises migration and loading.
        await Promise.all(servers.map((s) => prepareDatabase(s, { loadReferenceData: true })));
        for (const s of servers) expect(await counts(s)).toEqual(EXPECTED);
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});

describe('migrations on a restart (server/db/migrations-applied.ts)', () => {
  it('tells an up-to-date database from one a migration of the journal is missing in', {
    timeout: 120_000,
  }, async () => {
    const pg = await PGlite.create();
    const database = await openDatabase({ pglite: pg });
    const query = async (text: string) => (await pg.query<Record<string, unknown>>(text)).rows;
    try {
      // No drizzle table yet: nothing applied.
      expect(await migrationsApplied(MIGRATIONS_FOLDER, query)).toBe(false);
      await database.migrate();
      expect(await migrationsApplied(MIGRATIONS_FOLDER, query)).toBe(true);
      // Migrating again is a no-op that leaves one row per migration of the journal.
      await database.migrate();
      const journal = JSON.parse(
        readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
      ) as { entries: { when: number; tag: string }[] };
      const [applied] = await query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied?.n).toBe(journal.entries.length);
      // A release that adds a migration: its journal names one the database has not applied.
      const next = mkdtempSync(path.join(os.tmpdir(), 'nap-migrations-'));
      try {
        mkdirSync(path.join(next, 'meta'));
        const latest = Math.max(...journal.entries.map((e) => e.when));
        writeFileSync(
          path.join(next, 'meta', '_journal.json'),
          JSON.stringify({
            ...journal,
            entries: [...journal.entries, { when: latest + 1, tag: '9999_next' }],
          }),
        );
        expect(await migrationsApplied(next, query)).toBe(false);
      } finally {
        rmSync(next, { recursive: true, force: true });
      }
    } finally {
      await database.close();
    }
  });
});
