import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { verifyPassword } from '../../server/modules/auth/password';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, PASSWORD, role } from './support/auth';

let database: Database;
let app: FastifyInstance;
let clock = Date.parse('2025-03-01T09:00:00Z');
/** argon2 verifications so far, counted by the verifier the app is given (the real one underneath). */
let verifications = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({
    database,
    now: () => new Date(clock),
    verifyPassword: (hash, password) => {
      verifications++;
      return verifyPassword(hash, password);
    },
  });
  await app.ready();
  await makeUser(database, 'victim@example.org', [role('viewer', 'JOR')]);
  await makeUser(database, 'other@example.org', [role('viewer', 'JOR')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const attempt = (email: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });

describe('login throttling (in Postgres, per account and per address)', () => {
  it('locks an account after 5 failures with Retry-After, from any address, and backs off', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('victim@example.org', 'wrong password', `10.1.0.${i}`)).statusCode).toBe(401);
    // The 6th failure locks for 2 s; an attempt while locked is answered 429 even with the right password.
    expect((await attempt('victim@example.org', 'wrong password', '10.1.0.9')).statusCode).toBe(401);
    const locked = await attempt('victim@example.org', PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('2');
    expect(locked.json().message).toMatch(/^sign-in: too many failed attempts/);
    // Other accounts are unaffected.
    expect((await attempt('other@example.org', PASSWORD, '10.1.1.1')).statusCode).toBe(200);
    clock += 2_000;
    expect((await attempt('victim@example.org', 'wrong again', '10.1.0.9')).statusCode).toBe(401);
    const longer = await attempt('victim@example.org', PASSWORD, '10.1.1.1');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('4'); // doubled
    clock += 4_000;
    expect((await attempt('victim@example.org', PASSWORD, '10.1.1.1')).statusCode).toBe(200);
    // Success clears the account's counter.
    expect((await attempt('victim@example.org', 'wrong password', '10.1.0.9')).statusCode).toBe(401);
    expect((await attempt('victim@example.org', PASSWORD, '10.1.0.8')).statusCode).toBe(200);
  });

  it('locks an address after 20 failures over many accounts, and unknown accounts like real ones', async () => {
    clock += 60 * 60_000;
    for (let i = 0; i < 21; i++)
      expect((await attempt(`spray${i}@example.org`, 'guess guess', '10.2.0.1')).statusCode).toBe(401);
    const res = await attempt('other@example.org', PASSWORD, '10.2.0.1');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('other@example.org', PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });
});

/** The answer and how many argon2 verifications it cost. */
async function attemptCounted(email: string, password: string, ip: string) {
  const before = verifications;
  const res = await attempt(email, password, ip);
  return { res, verifications: verifications - before };
}
const strip = (b: { requestId: string }) => ({ ...b, requestId: undefined });

// Timing is what would betray an account here, and what costs the time is argon2: each answer is
// checked to run it the same number of times (wall-clock ratios flake on a loaded machine).
describe('no account enumeration', () => {
  it('answers an unknown email and a wrong password alike, each after one argon2 verification', async () => {
    clock += 60 * 60_000;
    for (let i = 0; i < 3; i++) {
      const unknown = await attemptCounted(`ghost${i}@example.org`, 'a wrong password', `10.4.0.${i}`);
      const wrong = await attemptCounted('other@example.org', 'a wrong password', `10.5.0.${i}`);
      expect([unknown.res.statusCode, wrong.res.statusCode]).toEqual([401, 401]);
      expect(strip(unknown.res.json())).toEqual(strip(wrong.res.json()));
      expect(unknown.res.json().message).toBe('email or password: incorrect');
      expect([unknown.verifications, wrong.verifications]).toEqual([1, 1]);
    }
  });
});

describe('locked accounts and enumeration', () => {
  // A locked key is answered 429 without running argon2 (server/modules/auth/service.ts says why):
  // the lock is keyed on the email as typed, so an unknown email locks exactly like a real account
  // and both locked answers are the same 429, with no verification behind either.
  it('answers a locked real account and a locked unknown email alike, without argon2', async () => {
    clock += 60 * 60_000;
    for (let i = 0; i < 6; i++) {
      await attempt('other@example.org', 'wrong password', `10.6.0.${i}`);
      await attempt('nobody-at-all@example.org', 'wrong password', `10.6.1.${i}`);
    }
    for (let i = 0; i < 3; i++) {
      const real = await attemptCounted('other@example.org', PASSWORD, `10.6.2.${i}`);
      const unknown = await attemptCounted('nobody-at-all@example.org', PASSWORD, `10.6.3.${i}`);
      expect([real.res.statusCode, unknown.res.statusCode]).toEqual([429, 429]);
      expect(real.res.headers['retry-after']).toBe(unknown.res.headers['retry-after']);
      expect(strip(real.res.json())).toEqual(strip(unknown.res.json()));
      expect([real.verifications, unknown.verifications]).toEqual([0, 0]);
    }
  });
});
