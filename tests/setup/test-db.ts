import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { type Database, openDatabase } from '../../server/db/client';
import { startParams } from '../../server/db/pglite';
import { withDatabase } from './server-global';

let counter = 0;

/**
 * A migrated database with the reference data, private to the caller: a PGlite copy of the
 * template, or a Postgres database cloned from the template when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const dump = inject('pgliteDump');
  if (dump) {
    // The server's settings (a smaller shared_buffers also starts faster: ~165 databases a run).
    const pg = await PGlite.create({
      loadDataDir: new Blob([readFileSync(dump)]),
      startParams: startParams(PGlite.defaultStartParams),
    });
    return openDatabase({ pglite: pg });
  }
  const templateUrl = inject('pgTemplateUrl');
  const adminUrl = inject('pgAdminUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  // Copies are made from another database than the template: Postgres refuses to copy a template that
  // another session is connected to, and test files run side by side.
  await asAdmin(adminUrl, `create database ${name} template ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(templateUrl, name), maxConnections: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await asAdmin(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * One statement on a connection of its own. A copy of the template is refused while another is being
 * made from it by a session still starting up (55006, "being accessed by other users"): tried again.
 */
async function asAdmin(url: string, statement: string) {
  for (let attempt = 1; ; attempt++) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100 * Math.min(attempt, 10)));
    } finally {
      await admin.end();
    }
  }
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
