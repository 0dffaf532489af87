import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../server/db/bootstrap';
import { openDatabase } from '../../server/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite mode: a tar of the data folder of a migrated database with the reference data. */
    pgliteDump: string;
    /** Postgres mode: the template database each test file clones. */
    pgTemplateUrl: string;
    /** Postgres mode: the database DATABASE_URL names, from which copies are made and dropped. */
    pgAdminUrl: string;
  }
}

/**
 * Prepares one migrated database with the reference data (through the real start-up path), which
 * every test file then copies: PGlite loads a dump of it; on Postgres (DATABASE_URL set) each file
 * gets CREATE DATABASE … TEMPLATE of it, so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pg = await PGlite.create();
    const database = await openDatabase({ pglite: pg });
    await prepareDatabase(database, { loadReferenceData: true });
    // Uncompressed: each test file loads it (about 165 times a run), 0.35 s faster each than from gzip.
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-test-'));
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteDump', file);
    project.provide('pgTemplateUrl', '');
    project.provide('pgAdminUrl', '');
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const template = `nap_test_tpl_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database ${template}`);
  const templateUrl = withDatabase(url, template);
  const database = await openDatabase({ databaseUrl: templateUrl, maxConnections: 2 });
  await prepareDatabase(database, { loadReferenceData: true });
  await database.close();
  project.provide('pgliteDump', '');
  project.provide('pgTemplateUrl', templateUrl);
  project.provide('pgAdminUrl', url);
  return async () => {
    // Drop the template and every copy the test files made of it.
    const dbs = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${template}%`}`;
    for (const { datname } of dbs) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
