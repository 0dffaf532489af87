import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { type Database, openDatabase } from '../../server/db/client';
import { withDatabase } from './server-global';

let counter = 0;

/**
 * A migrated database with the reference data, private to the caller: a PGlite copy of the
 * template, or a Postgres database cloned from the template when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const dump = inject('pgliteDump');
  if (dump) {
    const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(dump)]) });
    return openDatabase({ pglite: pg });
  }
  const templateUrl = inject('pgTemplateUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(templateUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(templateUrl, name), maxConnections: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = postgres(templateUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** An app on a private test database; close both with the returned close(). */
export async function openTestApp() {
  const database = await openTestDatabase();
  const app = await buildApp({ database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
