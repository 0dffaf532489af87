import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { dummyPasswordHash, verifyPassword } from '../../server/modules/auth/password';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, PASSWORD, role } from './support/auth';

let database: Database;
let app: FastifyInstance;
let clock = Date.parse('2025-03-01T09:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now: () => new Date(clock) });
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

describe('no account enumeration', () => {
  it('answers an unknown email and a wrong password alike, in similar time', async () => {
    clock += 60 * 60_000;
    const unknown = await attempt('nobody-here@example.org', 'a wrong password', '10.3.0.1');
    const wrong = await attempt('other@example.org', 'a wrong password', '10.3.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: { requestId: string }) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json().message).toBe('email or password: incorrect');

    // Both run argon2 once: time 5 of each (alternating) and compare medians with a generous bound.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const tUnknown: number[] = [];
    const tWrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await attempt(`ghost${i}@example.org`, 'a wrong password', `10.4.0.${i}`);
      tUnknown.push(performance.now() - t);
      t = performance.now();
      await attempt('other@example.org', 'a wrong password', `10.5.0.${i}`);
      tWrong.push(performance.now() - t);
      clock += 60 * 60_000;
    }
    const ratio = median(tUnknown) / median(tWrong);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});

describe('locked accounts and enumeration', () => {
  // A locked key is answered 429 without running argon2 (server/modules/auth/service.ts says why):
  // the lock is keyed on the email as typed, so an unknown email locks exactly like a real account
  // and both locked answers are the same fast 429.
  it('answers a locked real account and a locked unknown email alike, in similar time', async () => {
    clock += 60 * 60_000;
    for (let i = 0; i < 6; i++) {
      await attempt('other@example.org', 'wrong password', `10.6.0.${i}`);
      await attempt('nobody-at-all@example.org', 'wrong password', `10.6.1.${i}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const tReal: number[] = [];
    const tUnknown: number[] = [];
    const strip = (b: { requestId: string }) => ({ ...b, requestId: undefined });
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      const real = await attempt('other@example.org', PASSWORD, `10.6.2.${i}`);
      tReal.push(performance.now() - t);
      t = performance.now();
      const unknown = await attempt('nobody-at-all@example.org', PASSWORD, `10.6.3.${i}`);
      tUnknown.push(performance.now() - t);
      expect([real.statusCode, unknown.statusCode]).toEqual([429, 429]);
      expect(real.headers['retry-after']).toBe(unknown.headers['retry-after']);
      expect(strip(real.json())).toEqual(strip(unknown.json()));
    }
    // Locked answers are a millisecond or two; what would betray an account is one side running an
    // argon2 verify the other does not. Their difference stays well under one verify.
    const tVerify: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await verifyPassword(await dummyPasswordHash(), PASSWORD);
      tVerify.push(performance.now() - t);
    }
    expect(Math.abs(median(tUnknown) - median(tReal))).toBeLessThan(median(tVerify) / 2);
  });
});
