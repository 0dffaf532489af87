import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { createLogger } from '../../server/logging';
import { sha256Hex } from '../../server/modules/auth/secrets';
import { openTestDatabase } from '../setup/test-db';

/** A logger writing JSON lines into an array, configured as the server's (server/logging.ts). */
async function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = await createLogger({ level: 'info', destination });
  return { log, lines, text: () => JSON.stringify(lines) };
}

// Values shaped like what leaked: an argon2id password hash and an API token's hash.
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$hashhashhashhashhashhashhash';
const TOKEN_HASH = 'f1d2d2f924e986ac86fdf7b36c94bcdf32beec15a3b1c2d3e4f5a6b7c8d9e0f1';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe('log redaction', () => {
  it("logs a failed query's statement, never its bound parameters", async () => {
    const { log, lines, text } = await capturedLogger();
    const err = await database.db
      .execute(sql`select ${PASSWORD_HASH}::int, ${TOKEN_HASH} as token_hash`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    // What the error handler does with an unexpected error.
    log.error({ err }, 'unhandled error');
    expect(text()).not.toContain('hashhashhash');
    expect(text()).not.toContain(TOKEN_HASH);
    const logged = lines[0]?.err as { message: string; stack: string; params: unknown };
    expect(logged.message).toContain('select $1::int, $2 as token_hash');
    expect(logged.message).toContain('params: [Redacted]');
    expect(logged.stack).toContain('params: [Redacted]');
    expect(logged.params).toBe('[Redacted]');
  });

  it('redacts credentials in headers, bodies and users wherever a route logs them', async () => {
    const { log, text } = await capturedLogger();
    log.info({
      req: { headers: { authorization: 'Bearer nap_secret_token_1234', cookie: 'nap_session=abcdef' } },
      body: { email: 'a@example.org', password: 'correct horse battery' },
      user: { passwordHash: PASSWORD_HASH, tokenHash: TOKEN_HASH },
      res: { headers: { 'set-cookie': 'nap_session=abcdef; HttpOnly' } },
    });
    for (const secret of ['nap_secret_token_1234', 'abcdef', 'correct horse', 'hashhash', TOKEN_HASH]) {
      expect(text()).not.toContain(secret);
    }
    expect(text()).toContain('a@example.org');
  });

  // Every request's child logger is bound to its id: pino redacts bindings as it redacts lines
  // (patches/@pinojs+redact+0.4.0.patch skips the paths' walk for a value that is not an object).
  it("redacts a child logger's bindings and keeps its plain values", async () => {
    const { log, text } = await capturedLogger();
    log
      .child({ reqId: 'req-1', attempt: 2, user: { email: 'b@example.org', password: 'hunter2hunter2' } })
      .info('bound');
    expect(text()).not.toContain('hunter2');
    expect(text()).toContain('"reqId":"req-1"');
    expect(text()).toContain('"attempt":2');
    expect(text()).toContain('b@example.org');
  });

  it('keeps the token and its hash out of the log of a request that fails in the database', async () => {
    const { log, lines, text } = await capturedLogger();
    const token = 'x'.repeat(40);
    const broken = await openTestDatabase();
    const app = await buildApp({ database: broken, loggerInstance: log as FastifyBaseLogger });
    await broken.close(); // every query now fails inside the driver
    const res = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}`, cookie: 'nap_session=s3cr3tsession' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    // The token lookup failed: its statement is logged, with the token's hash as its parameter (as an
    // error, or as a warning where the driver says the database is away: 503).
    const failure = lines.find((l) => (l.level as number) >= 40 && l.err)?.err as { message: string };
    expect(failure.message).toMatch(/token_hash" = \$1\nparams: \[Redacted\]/);
    expect(text()).not.toContain(sha256Hex(token));
    expect(text()).not.toContain(token);
    expect(text()).not.toContain('s3cr3tsession');
    await app.close();
  });
});

describe('request ids', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database });
  });
  afterAll(async () => app.close());

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it("keeps a proxy's short, safe request id", async () => {
    const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'edge-7f3a.42:1_b' } });
    expect(res.headers['x-request-id']).toBe('edge-7f3a.42:1_b');
  });

  it('replaces a long or unsafe request id with its own', async () => {
    for (const sent of ['a'.repeat(5000), 'a'.repeat(65), 'has space', '<script>', 'quote"d', 'é']) {
      const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': sent } });
      expect(res.headers['x-request-id'], sent.slice(0, 20)).toMatch(UUID);
    }
  });

  it('gives every request an id when none is sent, also in error envelopes', async () => {
    const res = await app.inject({
      url: '/api/no-such-route',
      headers: { 'x-request-id': 'z'.repeat(5000) },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().requestId).toMatch(UUID);
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });
});
