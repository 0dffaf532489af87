import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, metrics: true });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** The value of one sample line (`name{labels} value`) of the exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('is off unless the setting turns it on', async () => {
    const off = await buildApp({ database });
    expect((await off.inject({ url: '/metrics' })).statusCode).toBe(404);
    await off.close();
  });

  it('counts requests and their latency per route pattern, method and status', async () => {
    for (const iso3 of ['JOR', 'EGY', 'LBN']) await app.inject({ url: `/api/countries/${iso3}` });
    await app.inject({ url: '/api/countries/XXX' });
    await app.inject({ url: '/api/no-such-route' });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    const route = { method: 'GET', route: '/api/countries/:iso3' };
    expect(sample(text, 'http_requests_total', { ...route, status_code: '200' })).toBe(3);
    expect(sample(text, 'http_requests_total', { ...route, status_code: '404' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { ...route, status_code: '200' })).toBe(3);
    expect(
      sample(text, 'http_request_duration_seconds_bucket', { ...route, status_code: '200', le: '+Inf' }),
    ).toBe(3);
    expect(
      sample(text, 'http_request_duration_seconds_sum', { ...route, status_code: '200' }),
    ).toBeGreaterThan(0);
    // Unknown URLs share one series: callers cannot create series at will.
    expect(
      sample(text, 'http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' }),
    ).toBe(1);
    expect(text).not.toContain('no-such-route');
  });

  it('reports the database and the event loop', async () => {
    const text = (await app.inject({ url: '/metrics' })).body;
    expect(sample(text, 'nap_db_up')).toBe(1);
    expect(sample(text, 'nap_db_ping_seconds')).toBeGreaterThan(0);
    const max = sample(text, 'nap_db_pool_max_connections', { driver: database.kind });
    expect(max).toBe(database.kind === 'pglite' ? 1 : 4);
    if (database.kind === 'postgres') {
      expect(text).toMatch(/^nap_db_connections\{state="(idle|active)"\} \d+$/m);
    }
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_p99_seconds gauge');
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
  });

  it('says when the database does not answer', async () => {
    const broken = await openTestDatabase();
    const brokenApp = await buildApp({ database: broken, metrics: true });
    await broken.close();
    const text = (await brokenApp.inject({ url: '/metrics' })).body;
    expect(sample(text, 'nap_db_up')).toBe(0);
    await brokenApp.close();
  });
});
