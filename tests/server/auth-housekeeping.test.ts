import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { runAuthHousekeeping } from '../../server/modules/auth/housekeeping';
import { ARGON2_OPTIONS, dummyPasswordHash, hashPassword } from '../../server/modules/auth/password';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../../server/modules/auth/throttle';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, PASSWORD, role, signIn } from './support/auth';

let database: Database;
let app: FastifyInstance;
/** The clock of the app and of the housekeeping. */
let clock = Date.parse('2025-03-01T09:00:00Z');
const now = () => new Date(clock);
const MIN = 60_000;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now, session: { idleMs: 30 * MIN, absoluteMs: 8 * 60 * MIN } });
  await app.ready();
  for (const who of ['ann', 'bob', 'cat'])
    await makeUser(database, `${who}@example.org`, [role('viewer', 'JOR')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const sessionsOf = async () =>
  (
    await database.rows<{ email: string; n: number }>(sql`
      select u.email, count(*)::int as n from sessions s join users u on u.id = s.user_id
      group by u.email order by u.email`)
  ).map((r) => `${r.email}:${r.n}`);
const throttleKeys = async () =>
  (await database.rows<{ key: string }>(sql`select key from login_throttle order by key`)).map((r) => r.key);
const fail = (email: string, ip: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'not the password' },
    remoteAddress: ip,
  });

describe('housekeeping of sessions and sign-in throttle rows', () => {
  it('a sign-in deletes that user’s expired sessions; the sweep deletes everyone’s; live ones stay', async () => {
    await signIn(app, 'ann@example.org');
    await signIn(app, 'bob@example.org');
    clock += 20 * MIN;
    const cat = await signIn(app, 'cat@example.org');
    clock += 11 * MIN; // ann's and bob's sessions are 31 min idle: over; cat's is 11 min old
    await signIn(app, 'ann@example.org');
    expect(await sessionsOf()).toEqual(['ann@example.org:1', 'bob@example.org:1', 'cat@example.org:1']);

    // Two processes sweeping at once: plain DELETEs, no conflict, each row deleted once.
    const [a, b] = await Promise.all([
      runAuthHousekeeping({ db: database.db, now }),
      runAuthHousekeeping({ db: database.db, now }),
    ]);
    expect((a?.sessions ?? 0) + (b?.sessions ?? 0)).toBe(1);
    expect(await sessionsOf()).toEqual(['ann@example.org:1', 'cat@example.org:1']);
    expect((await app.inject({ url: '/api/tokens', headers: { cookie: cat.cookie } })).statusCode).toBe(200);

    clock += 8 * 60 * MIN; // past every deadline
    expect(await runAuthHousekeeping({ db: database.db, now })).toMatchObject({ sessions: 2 });
    expect(await sessionsOf()).toEqual([]);
  });

  it('deletes throttle rows without a failure in the window and without a running lock', async () => {
    clock += 24 * 60 * MIN;
    await fail('old@example.org', '10.7.0.1');
    clock += 16 * MIN; // past the 15-minute window
    await fail('recent@example.org', '10.7.0.2');
    expect(await throttleKeys()).toEqual([
      'account:old@example.org',
      'account:recent@example.org',
      'ip:10.7.0.1',
      'ip:10.7.0.2',
    ]);
    expect(await runAuthHousekeeping({ db: database.db, now })).toEqual({ sessions: 0, throttle: 2 });
    expect(await throttleKeys()).toEqual(['account:recent@example.org', 'ip:10.7.0.2']);
  });

  it('keeps a row whose lock outlasts the window until the lock ends', async () => {
    // A policy whose lock (1 h) is longer than its counting window (10 min).
    const policy: ThrottlePolicy = {
      ...DEFAULT_THROTTLE,
      account: { free: 1, baseMs: 60 * MIN, maxMs: 60 * MIN, windowMs: 10 * MIN },
    };
    const strict = await buildApp({ database, now, throttle: policy });
    clock += 24 * 60 * MIN;
    await database.rows(sql`delete from login_throttle`);
    for (let i = 0; i < 2; i++)
      await strict.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'ann@example.org', password: 'not the password' },
        remoteAddress: `10.8.0.${i}`,
      });
    await strict.close();
    clock += 30 * MIN; // no failure for 30 min (> window) but locked for another 30
    await runAuthHousekeeping({ db: database.db, now, throttle: policy });
    expect(await throttleKeys()).toContain('account:ann@example.org');
    clock += 31 * MIN;
    await runAuthHousekeeping({ db: database.db, now, throttle: policy });
    expect(await throttleKeys()).not.toContain('account:ann@example.org');
  });
});

describe('argon2id parameters', () => {
  const params = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

  it('new hashes and the anti-enumeration dummy use the same explicit parameters', async () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024); // OWASP minimum
    expect((await hashPassword('a long test password')).startsWith(params)).toBe(true);
    expect((await dummyPasswordHash()).startsWith(params)).toBe(true);
  });

  it('an older, cheaper hash still signs in, and is upgraded at that sign-in', async () => {
    const old = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await database.rows(sql`update users set password_hash = ${old} where email = 'bob@example.org'`);
    await signIn(app, 'bob@example.org');
    const [row] = await database.rows<{ password_hash: string }>(
      sql`select password_hash from users where email = 'bob@example.org'`,
    );
    expect(row?.password_hash.startsWith(params)).toBe(true);
    await signIn(app, 'bob@example.org'); // and the upgraded hash verifies
  });
});
