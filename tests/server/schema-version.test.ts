import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/schema-version';
import { openTestApp } from '../setup/test-db';

/**
 * The server stamps the answers its response schemas shaped with the version of those schemas; the
 * client takes an answer of its own version without checking it again (client/lib/api-client.ts).
 * A stamp on anything else would let an unchecked answer through.
 */
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close());

describe('the schema version on answers', () => {
  it('is set in the test run, as in both builds (vite.config.ts, scripts/build.mjs)', () => {
    expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{16}$/);
  });

  it.each([
    '/api/countries/JOR',
    '/api/countries?q=Jordan',
    '/api/rounds',
    // Written from the cache as JSON (server/modules/compare/response-cache.ts): compare-encoding.test.ts
    // checks that every kind is exactly what the schema gives back.
    '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=who_region&group=EMR',
    '/api/compare/heatmap?framework=tracss-2019-2020&groupType=all',
  ])('stamps %s', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers[SCHEMA_HEADER]).toBe(SCHEMA_VERSION);
  });

  it.each([
    ['a refusal', '/api/countries/XXX', 404],
    ['invalid input', '/api/compare?framework=tracss-2019-2020&country=JO', 400],
    ['a route without a response schema', '/api/nowhere', 404],
    ['a page of the client', '/countries/JOR', 404],
    ['a probe no page reads (liveness)', '/api/health', 200],
    ['a probe no page reads (readiness)', '/api/ready', 200],
  ])('not %s', async (_what, url, status) => {
    const res = await app.inject({ url });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers[SCHEMA_HEADER]).toBeUndefined();
  });

  it('not an answer that stayed the same (304: the browser keeps the stamp of the 200 it has)', async () => {
    const url = '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=who_region&group=EMR';
    const first = await app.inject({ url });
    const again = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.headers[SCHEMA_HEADER]).toBeUndefined();
  });
});
