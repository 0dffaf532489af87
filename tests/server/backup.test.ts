import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { backup, backupKindOf, restore, type Target } from '../../server/db/backup';
import { type Database, openDatabase } from '../../server/db/client';
import { LOCK_FILE } from '../../server/db/data-dir-lock';
import { allowPublishedWrite } from '../../server/modules/visibility/published-write-repository';
import { withDatabase } from '../setup/server-global';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'nap-backup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a backup must bring back: row counts, a checksum of the values, the peer groups and the migrations. */
async function snapshot(database: Database) {
  const [row] = await database.rows<Record<string, unknown>>(sql`
    select (select count(*)::int from countries) as countries,
           (select count(*)::int from indicator_values) as values,
           (select md5(string_agg(v::text, ',' order by v.id)) from indicator_values v) as values_md5,
           (select string_agg(name, '|' order by id) from peer_groups) as peer_groups,
           (select count(*)::int from peer_group_members) as members,
           (select count(*)::int from drizzle.__drizzle_migrations) as migrations`);
  return row;
}

/** A change of the kind a backup is for: data deleted and data added. */
async function change(database: Database) {
  await database.rows(sql`delete from peer_group_members`);
  await database.rows(sql`update peer_groups set name = 'renamed after the backup'`);
  // Published values change only through an import (the database refuses other writers).
  await database.db.transaction(async (tx) => {
    await allowPublishedWrite(tx);
    await tx.execute(
      sql`delete from indicator_values where id in (select id from indicator_values limit 100)`,
    );
  });
}

describe.runIf(!process.env.DATABASE_URL)('backup and restore of the embedded database (PGlite)', () => {
  const dataDir = path.join(tmp, 'pglite');
  const target: Target = { pgliteDataDir: dataDir };
  const open = () => openDatabase({ pgliteDataDir: dataDir });

  it('brings back exactly the data of the backup, keeping the replaced folder beside it', async () => {
    // A data folder as a server leaves it: the test template, written to disk.
    const template = await PGlite.create(dataDir, {
      loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]),
    });
    await template.close();

    let db = await open();
    const before = await snapshot(db);
    await db.close();

    const file = path.join(tmp, 'nap.pglite.tar.gz');
    const { kind } = await backup(target, file);
    expect(kind).toBe('pglite');
    expect(await backupKindOf(file)).toBe('pglite');

    db = await open();
    await change(db);
    expect(await snapshot(db)).not.toEqual(before);
    await db.close();

    await restore(target, file);
    // No lock is left behind: the backup's own (it was taken under the lock) would look stale.
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    db = await open();
    expect(await snapshot(db)).toEqual(before);
    await db.close();
    const kept = readdirSync(tmp).filter((f) => f.startsWith('pglite.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(existsSync(path.join(tmp, kept[0] as string, 'PG_VERSION'))).toBe(true);
  });

  it('refuses to back up or restore while a server holds the folder', async () => {
    const db = await open();
    try {
      expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
      await expect(backup(target, path.join(tmp, 'busy.tar.gz'))).rejects.toThrow(/in use by process/);
      await expect(restore(target, path.join(tmp, 'nap.pglite.tar.gz'))).rejects.toThrow(/in use by process/);
    } finally {
      await db.close();
    }
  });

  it('refuses a file that is not a backup of this kind of database', async () => {
    const junk = path.join(tmp, 'junk.bin');
    writeFileSync(junk, 'not a backup');
    await expect(restore(target, junk)).rejects.toThrow(/not a NAP Tracker backup/);
    const pgdump = path.join(tmp, 'fake.pgdump');
    writeFileSync(pgdump, 'PGDMP and more');
    await expect(restore(target, pgdump)).rejects.toThrow(
      /is a postgres backup, but the configured database is pglite/,
    );
  });
});

describe.runIf(process.env.DATABASE_URL)('backup and restore of a Postgres database', () => {
  it('brings back exactly the data of the backup; a broken file changes nothing', async () => {
    const templateUrl = inject('pgTemplateUrl');
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `${template}_backup_${process.pid}`;
    const admin = postgres(templateUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = withDatabase(templateUrl, name);
    const target: Target = { databaseUrl: url, pgliteDataDir: path.join(tmp, 'unused') };
    try {
      let db = await openDatabase({ databaseUrl: url, maxConnections: 2 });
      const before = await snapshot(db);
      const file = path.join(tmp, 'nap.pgdump');
      expect((await backup(target, file)).kind).toBe('postgres');
      expect(await backupKindOf(file)).toBe('postgres');
      await change(db);
      // A table a later migration might add disappears with the restore as well.
      await db.rows(sql`create table added_after_backup (id int)`);
      const changed = await snapshot(db);
      expect(changed).not.toEqual(before);

      // The open pool is a running server's: refused unless forced.
      await expect(restore(target, file)).rejects.toThrow(/stop the servers first/);
      await db.close();

      // A truncated backup fails inside the single transaction: the database stays as it was.
      const broken = path.join(tmp, 'broken.pgdump');
      const bytes = readFileSync(file);
      writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expect(restore(target, broken)).rejects.toThrow(/failed/);
      db = await openDatabase({ databaseUrl: url, maxConnections: 2 });
      expect(await snapshot(db)).toEqual(changed);
      await db.close();

      await restore(target, file);
      db = await openDatabase({ databaseUrl: url, maxConnections: 2 });
      expect(await snapshot(db)).toEqual(before);
      const [extra] = await db.rows<{ n: number }>(
        sql`select count(*)::int as n from pg_tables where tablename = 'added_after_backup'`,
      );
      expect(extra?.n).toBe(0);
      await db.close();
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
