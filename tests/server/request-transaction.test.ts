import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { AppError } from '../../server/lib/errors';
import { requestScopedDatabase } from '../../server/plugins/request-transaction';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/schema-version';
import { openTestDatabase } from '../setup/test-db';

// A probe route that writes a row through the app's database, then answers as told: the request's
// transaction must commit exactly when the answer is below 500.
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.rows(sql`create table probe_deferred (iso3 varchar(3)
    references countries (iso3) deferrable initially deferred)`);
  app = await buildApp({ database });
  const scoped = requestScopedDatabase(database);
  app.post<{ Params: { key: string; outcome: string } }>(
    '/api/probe/:key/:outcome',
    {
      config: { access: 'public' },
      schema: { response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => {
      const { key, outcome } = req.params;
      // A service's own transaction inside the request's (a savepoint), as the write services do.
      await scoped.db.transaction(async (tx) => {
        await tx.execute(sql`insert into login_throttle (key, failures, first_failure_at, last_failure_at)
          values (${key}, 1, now(), now())`);
      });
      // A row that breaks a deferred foreign key: the statement passes, the COMMIT fails.
      if (outcome === 'commit-fails')
        await scoped.rows(sql`insert into probe_deferred (iso3) values ('ZZZ')`);
      if (outcome === 'throw') throw new Error('a bug after the write');
      if (outcome === 'conflict') throw new AppError(409, 'key: a 4xx keeps what was written before it');
      if (outcome === 'bad-response') return { ok: Number.POSITIVE_INFINITY } as never;
      return { ok: true };
    },
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const stored = async (key: string) =>
  (
    await database.rows<{ n: number }>(sql`select count(*)::int as n from login_throttle where key = ${key}`)
  )[0]?.n;

describe('one transaction per write request', () => {
  it.each([
    ['ok', 200, 1],
    ['conflict', 409, 1],
    ['throw', 500, 0],
    ['bad-response', 500, 0],
  ])('answered %s: %i, rows kept %i', async (outcome, status, rows) => {
    const key = `probe-${outcome}`;
    const res = await app.inject({ method: 'POST', url: `/api/probe/${key}/${outcome}` });
    expect(res.statusCode, res.body).toBe(status);
    expect(await stored(key)).toBe(rows);
    // Only an answer the response schema shaped says so (shared/schema-version.ts).
    expect(res.headers[SCHEMA_HEADER]).toBe(status === 200 ? SCHEMA_VERSION : undefined);
  });

  it('a COMMIT that fails turns the answer into a 500, and nothing stays', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/probe/probe-commit/commit-fails' });
    expect(res.statusCode, res.body).toBe(500);
    expect(res.json()).toMatchObject({ statusCode: 500, message: 'Internal server error' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    // The 200 the route gave became this 500: no longer the schema's answer.
    expect(res.headers[SCHEMA_HEADER]).toBeUndefined();
    expect(await stored('probe-commit')).toBe(0);
  });

  it('reads of other requests go on after a failed write', async () => {
    await app.inject({ method: 'POST', url: '/api/probe/probe-again/throw' });
    const res = await app.inject({ url: '/api/countries?q=Jordan' });
    expect(res.statusCode).toBe(200);
  });
});
