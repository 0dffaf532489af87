import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { verifyPassword } from '../../server/modules/auth/password';
import { DEFAULT_THROTTLE } from '../../server/modules/auth/throttle';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, PASSWORD, role } from './support/auth';

// Concurrent sign-in attempts against the throttle: every attempt must take its place in the
// counter before argon2 runs, so that no burst gets more verifications than the policy allows.
// Verifications are counted through the injected verifier (the real argon2 underneath).

let database: Database;
let app: FastifyInstance;
let verified = 0;
let clock = Date.parse('2025-03-01T09:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({
    database,
    now: () => new Date(clock),
    verifyPassword: (hash, password) => {
      verified++;
      return verifyPassword(hash, password);
    },
  });
  await app.ready();
  await makeUser(database, 'target@example.org', [role('viewer', 'JOR')]);
  for (let i = 0; i < 25; i++) await makeUser(database, `colleague${i}@example.org`, [role('viewer', 'JOR')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const attempt = (email: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });

/** The most attempts a fresh key lets through to argon2: the free ones, then the one that locks. */
const allowed = DEFAULT_THROTTLE.account.free + 1;

describe('concurrent sign-in attempts', () => {
  it('200 wrong passwords at once against one account, from 200 addresses: at most the allowed few verified', async () => {
    verified = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt('target@example.org', `wrong password ${i}`, `10.20.${i >> 8}.${i & 255}`),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    // Exactly the allowance: no more (the race), and no fewer (a refused attempt must not count).
    expect(verified).toBe(allowed);
    expect(codes.filter((c) => c === 401)).toHaveLength(verified);
    expect(codes.filter((c) => c === 429)).toHaveLength(200 - verified);
    for (const a of answers.filter((x) => x.statusCode === 429)) {
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
      expect(a.json().message).toMatch(/^sign-in: too many failed attempts/);
    }
  });

  it('200 wrong passwords at once from one address over many accounts: at most the address’s allowance', async () => {
    clock += 60 * 60_000;
    verified = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(`spray${i}@example.org`, 'wrong password', '10.21.0.1')),
    );
    expect(verified).toBe(DEFAULT_THROTTLE.address.free + 1);
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(verified);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(200 - verified);
  });

  it('successful sign-ins are given back: colleagues behind one proxy are not locked out', async () => {
    clock += 60 * 60_000;
    // More successes from one address than the address may fail (20), one after the other …
    for (let i = 0; i < 25; i++)
      expect((await attempt(`colleague${i}@example.org`, PASSWORD, '10.22.0.1')).statusCode).toBe(200);
    // … and a few at once (attempts still being checked count, so a burst is bounded by the allowance).
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(`colleague${i}@example.org`, PASSWORD, '10.22.0.1')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
    expect(await database.rows(sql`select key from login_throttle where key = 'ip:10.22.0.1'`)).toEqual([]);
  });
});
