import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { createWorkGate } from '../../server/lib/work-gate';
import { verifyPassword } from '../../server/modules/auth/password';
import { type Limits, limitsFromConfig } from '../../server/plugins/limits';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, signIn, withCredential } from './support/auth';

let database: Database;
const apps: FastifyInstance[] = [];
let verifications = 0;

const limits = (perMinute: Partial<Limits['perMinute']>): Limits => ({
  perMinute: { 'sign-in': 0, reports: 0, exports: 0, imports: 0, ...perMinute },
  gates: {
    reports: createWorkGate('reports', { concurrency: 4, queue: 4 }),
    exports: createWorkGate('exports', { concurrency: 4, queue: 4 }),
  },
  maxEventLoopDelayMs: 0,
  sampleIntervalMs: 1000,
  retryAfterSeconds: 5,
});

async function app(l: Limits, trustProxy = false) {
  const a = await buildApp({
    database,
    limits: l,
    trustProxy,
    verifyPassword: (hash, password) => {
      verifications++;
      return verifyPassword(hash, password);
    },
  });
  await a.ready();
  apps.push(a);
  return a;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'ann@example.org', [role('viewer', 'JOR')]);
  await makeUser(database, 'bob@example.org', [role('viewer', 'JOR')]);
  await makeUser(database, 'root@example.org', [role('admin')]);
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await database?.close();
});

let guesses = 0;
/** A wrong password for a new email each time, so the sign-in throttle (per account) stays out of the way. */
const signInAttempt = (a: FastifyInstance, ip: string, headers: Record<string, string> = {}) =>
  a.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: `nobody${++guesses}@example.org`, password: 'not a password at all' },
    remoteAddress: ip,
    headers,
  });

describe('rate limits', () => {
  it('limits sign-in per address: 429 with Retry-After in the error envelope, before argon2 runs', async () => {
    const a = await app(limits({ 'sign-in': 3 }));
    for (let i = 0; i < 3; i++) expect((await signInAttempt(a, '10.9.0.1')).statusCode).toBe(401);
    const before = verifications;
    const res = await signInAttempt(a, '10.9.0.1');
    expect(res.statusCode).toBe(429);
    expect(verifications).toBe(before);
    const after = Number(res.headers['retry-after']);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(60);
    expect(res.headers['x-ratelimit-limit']).toBe('3');
    expect(res.json()).toMatchObject({
      error: 'Too Many Requests',
      statusCode: 429,
      message: `sign-in: too many requests from this address (at most 3 a minute); try again in ${after} s`,
    });
    // Another address has its own allowance.
    expect((await signInAttempt(a, '10.9.0.2')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const direct = await app(limits({ 'sign-in': 2 }));
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await signInAttempt(direct, '10.9.1.1', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode,
      );
    expect(codes).toEqual([401, 401, 429]);

    const proxied = await app(limits({ 'sign-in': 2 }), true);
    // Behind a trusted proxy every client address counts on its own …
    for (let i = 0; i < 3; i++)
      expect(
        (await signInAttempt(proxied, '10.9.1.1', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode,
      ).toBe(401);
    // … and one client is limited whatever the proxy's own address.
    const one: number[] = [];
    for (let i = 0; i < 3; i++)
      one.push((await signInAttempt(proxied, '10.9.1.1', { 'x-forwarded-for': '198.51.100.7' })).statusCode);
    expect(one).toEqual([401, 401, 429]);
  });

  it('limits exports per signed-in user, and anonymous requests per address', async () => {
    const open = await app(limits({}));
    const ann = await signIn(open, 'ann@example.org', undefined, '10.9.2.1');
    const bob = await signIn(open, 'bob@example.org', undefined, '10.9.2.1');
    const a = await app(limits({ exports: 2 }));
    const get = (cred: Parameters<typeof withCredential>[0]) =>
      a.inject(
        withCredential(cred, {
          url: '/api/exports/values?countries=JOR&format=csv',
          remoteAddress: '10.9.2.1',
        }),
      );
    expect((await get({ session: ann })).statusCode).toBe(200);
    expect((await get({ session: ann })).statusCode).toBe(200);
    const refused = await get({ session: ann });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(
      /^exports: too many requests for this user \(at most 2 a minute\); try again in \d+ s$/,
    );
    // Same address, other user; then nobody signed in: their own counters.
    expect((await get({ session: bob })).statusCode).toBe(200);
    expect((await get(null)).statusCode).toBe(200);
    expect((await get(null)).statusCode).toBe(200);
    expect((await get(null)).json().message).toMatch(/^exports: too many requests from this address/);
  });

  it('limits reports and imports, counted before the body is read or checked', async () => {
    const open = await app(limits({}));
    const root = await signIn(open, 'root@example.org', undefined, '10.9.3.1');
    const a = await app(limits({ imports: 2, reports: 1 }));
    const upload = () =>
      a.inject(
        withCredential(
          { session: root },
          { method: 'POST', url: '/api/rounds/NOPE/import', payload: {}, remoteAddress: '10.9.3.1' },
        ),
      );
    expect((await upload()).statusCode).toBe(400);
    expect((await upload()).statusCode).toBe(400);
    const refused = await upload();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/^imports: too many requests for this user/);

    const report = () => a.inject({ url: '/api/reports/country/XXX', remoteAddress: '10.9.3.2' });
    expect((await report()).statusCode).not.toBe(429);
    expect((await report()).json().message).toMatch(/^reports: too many requests from this address/);
  });
});

describe('limits configuration', () => {
  it('has defaults, reads the environment and names a bad variable', () => {
    const l = limitsFromConfig(loadConfig({}));
    expect(l.perMinute).toEqual({ 'sign-in': 30, reports: 12, exports: 30, imports: 20 });
    expect([l.gates.reports.concurrency, l.gates.reports.queue]).toEqual([2, 4]);
    expect(l.maxEventLoopDelayMs).toBe(1000);
    const set = limitsFromConfig(
      loadConfig({
        RATE_LIMIT_EXPORTS_PER_MINUTE: '0',
        REPORT_CONCURRENCY: '3',
        MAX_EVENT_LOOP_DELAY_MS: '0',
      }),
    );
    expect([set.perMinute.exports, set.gates.reports.concurrency, set.maxEventLoopDelayMs]).toEqual([
      0, 3, 0,
    ]);
    expect(() => loadConfig({ RATE_LIMIT_REPORTS_PER_MINUTE: '-1', REPORT_CONCURRENCY: '0' })).toThrow(
      /RATE_LIMIT_REPORTS_PER_MINUTE: .*\n\s+REPORT_CONCURRENCY: /,
    );
  });
});
