import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listAuthEvents } from '../../server/modules/audit/repository';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, PASSWORD, role, signIn, withCredential } from './support/auth';
import { nationalFixture } from './support/national';

let database: Database;
let app: FastifyInstance;
/** The app's clock: tests move it forward to expire sessions and throttle locks. */
let clock = Date.parse('2025-03-01T09:00:00Z');
const IDLE = 30 * 60_000;
const ABSOLUTE = 8 * 3_600_000;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({
    database,
    now: () => new Date(clock),
    session: { idleMs: IDLE, absoluteMs: ABSOLUTE },
  });
  await app.ready();
  await makeUser(database, 'focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'admin@example.org', [role('admin')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A request only a live session may make (GET /api/auth/me answers 204 to nobody). */
const me = (cookie: string) => app.inject({ url: '/api/tokens', headers: { cookie } });

describe('sessions', () => {
  it('sets an HTTP-only SameSite=Lax cookie, Secure only over HTTPS behind a trusted proxy', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'FOCAL@example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'nap_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({
      email: 'focal@example.org',
      via: 'session',
      roles: [{ role: 'focal_point', country: 'JOR' }],
    });
    const stored = await database.rows<{ token_hash: string }>(sql`select token_hash from sessions`);
    expect(stored.map((s) => s.token_hash)).not.toContain(c?.value); // only the hash is stored

    const proxied = await buildApp({ database, trustProxy: true });
    const https = await proxied.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'focal@example.org', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.cookies.find((x) => x.name === 'nap_session')?.secure).toBe(true);
    await proxied.close();
  });

  it('expires after the idle time without activity, and is extended by activity', async () => {
    const s = await signIn(app, 'focal@example.org');
    clock += IDLE - 60_000;
    expect((await me(s.cookie)).statusCode).toBe(200); // activity extends the idle deadline
    clock += IDLE - 60_000;
    expect((await me(s.cookie)).statusCode).toBe(200);
    clock += IDLE + 1000;
    const res = await me(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toMatch(/nap_session=;/);
  });

  it('expires at the absolute limit even when active', async () => {
    const s = await signIn(app, 'focal@example.org');
    const put = () =>
      app.inject(
        withCredential(
          { session: s },
          { method: 'POST', url: '/api/tokens', payload: { name: 'x', scope: 'read' } },
        ),
      );
    for (let t = 0; t < ABSOLUTE - IDLE; t += IDLE / 2) {
      clock += IDLE / 2;
      expect((await me(s.cookie)).statusCode).toBe(200);
    }
    clock += IDLE; // past the absolute limit, though never idle for long
    const res = await put();
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/^session: (expired|signed out)/);
  });

  it('sign-out ends the session for good', async () => {
    const s = await signIn(app, 'focal@example.org');
    const out = await app.inject(
      withCredential({ session: s }, { method: 'POST', url: '/api/auth/sign-out' }),
    );
    expect(out.statusCode).toBe(204);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, with a wrong one, or from another origin', async () => {
    const s = await signIn(app, 'focal@example.org');
    const req = { method: 'POST' as const, url: '/api/tokens', payload: { name: 'csrf', scope: 'read' } };
    const none = await app.inject({ ...req, headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().message).toMatch(/^csrf: /);
    const wrong = await app.inject({ ...req, headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const cross = await app.inject({
      ...req,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        origin: 'https://evil.example',
        host: 'localhost:80',
      },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().message).toMatch(/^origin: /);
    const ok = await app.inject({ ...req, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(ok.statusCode).toBe(201);
  });

  it('does not ask token-authenticated writes for a CSRF token', async () => {
    const s = await signIn(app, 'focal@example.org');
    const { token } = await createToken(app, s, 'write');
    await nationalFixture(database, 'JOR');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/values/JOR/national-jor/N-PCT/2020',
      headers: { authorization: `Bearer ${token}` },
      payload: { status: 'no_data', reason: 'Not collected' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('API tokens', () => {
  it('a read-only token reads but cannot write; a revoked token stops working; the secret is stored hashed', async () => {
    const s = await signIn(app, 'admin@example.org');
    const read = await createToken(app, s, 'read', 'integration');
    expect(read.token).toMatch(/^nap_/);
    const bearer = { authorization: `Bearer ${read.token}` };
    expect((await app.inject({ url: '/api/users', headers: bearer })).statusCode).toBe(200);
    const write = await app.inject({
      method: 'PUT',
      url: '/api/values/JOR/tracss-2019-2020/4.1/2019-2020',
      headers: bearer,
      payload: { status: 'no_data', reason: 'Not collected' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toBe('token: this token is read-only');

    const list = await app.inject({ url: '/api/tokens', headers: { cookie: s.cookie } });
    const listed = list.json().items.find((t: { id: number }) => t.id === read.id);
    expect(listed).toMatchObject({ name: 'integration', scope: 'read', revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(read.token);
    const rows = await database.rows<{ token_hash: string }>(sql`select token_hash from api_tokens`);
    expect(rows.some((r) => r.token_hash === read.token)).toBe(false);

    const del = await app.inject(
      withCredential({ session: s }, { method: 'DELETE', url: `/api/tokens/${read.id}` }),
    );
    expect(del.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/users', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer nope' } })).statusCode,
    ).toBe(401);
  });
});

describe('passwords', () => {
  it('enforces the policy on change and reset, naming the field', async () => {
    const s = await signIn(app, 'focal@example.org');
    const change = (newPassword: string) =>
      app.inject(
        withCredential(
          { session: s },
          { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword } },
        ),
      );
    const short = await change('short');
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/^body\.newPassword: must be at least 12 characters/);
    const common = await change('Password1234');
    expect(common.statusCode).toBe(400);
    expect(common.json().message).toBe('newPassword: is one of the most common passwords; choose another');
    expect((await change('focal@example.org')).json().message).toBe(
      'newPassword: must not be the email address',
    );

    const admin = await signIn(app, 'admin@example.org');
    const users = (await app.inject({ url: '/api/users', headers: { cookie: admin.cookie } })).json().items;
    const focalId = users.find((u: { email: string }) => u.email === 'focal@example.org').id;
    const reset = await app.inject(
      withCredential(
        { session: admin },
        { method: 'POST', url: `/api/users/${focalId}/password`, payload: { password: 'qwertyuiop123' } },
      ),
    );
    expect(reset.statusCode).toBe(400);
    expect(reset.json().message).toMatch(/^password: is one of the most common/);
  });

  it('a changed password works, the old one does not, other sessions end', async () => {
    await makeUser(database, 'changer@example.org', [role('viewer', 'JOR')]);
    const a = await signIn(app, 'changer@example.org');
    const b = await signIn(app, 'changer@example.org');
    const res = await app.inject(
      withCredential(
        { session: a },
        {
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: PASSWORD, newPassword: 'my new long passphrase' },
        },
      ),
    );
    expect(res.statusCode).toBe(204);
    expect((await me(a.cookie)).statusCode).toBe(200);
    expect((await me(b.cookie)).statusCode).toBe(401);
    await signIn(app, 'changer@example.org', 'my new long passphrase');
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'changer@example.org', password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('audit', () => {
  it('records sign-ins, failures, role changes, deactivation and token events', async () => {
    const target = await makeUser(database, 'audited@example.org', [role('viewer', 'JOR')]);
    const admin = await signIn(app, 'admin@example.org');
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'audited@example.org', password: 'wrong password!' },
    });
    await signIn(app, 'audited@example.org');
    const patch = (payload: object) =>
      app.inject(
        withCredential({ session: admin }, { method: 'PATCH', url: `/api/users/${target.id}`, payload }),
      );
    expect((await patch({ roles: [{ role: 'validator', country: 'JOR' }] })).statusCode).toBe(200);
    expect((await patch({ active: false })).statusCode).toBe(200);
    const events = await listAuthEvents(database.db, { subjectId: target.id });
    expect(events.map((e) => e.event).reverse()).toEqual([
      'user.create',
      'sign_in.failure',
      'sign_in.success',
      'user.roles',
      'user.deactivate',
    ]);
    const roles = events.find((e) => e.event === 'user.roles');
    expect(roles?.details).toMatchObject({
      before: [{ role: 'viewer', country: 'JOR' }],
      after: [{ role: 'validator', country: 'JOR' }],
    });
    expect(events.find((e) => e.event === 'sign_in.failure')?.details).toMatchObject({
      reason: 'wrong_password',
    });
    // Deactivated: the right password no longer signs in, with the same answer as a wrong one.
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'audited@example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('email or password: incorrect');
    const tokens = await listAuthEvents(database.db, { event: 'token.create' });
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('never leaves the deployment without an active administrator', async () => {
    const admin = await signIn(app, 'admin@example.org');
    const users = (await app.inject({ url: '/api/users', headers: { cookie: admin.cookie } })).json().items;
    const self = users.find((u: { email: string }) => u.email === 'admin@example.org');
    const res = await app.inject(
      withCredential(
        { session: admin },
        { method: 'PATCH', url: `/api/users/${self.id}`, payload: { roles: [] } },
      ),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('roles: this change would leave no active administrator');
    const still = (
      await app.inject({ url: `/api/users/${self.id}`, headers: { cookie: admin.cookie } })
    ).json();
    expect(still.roles).toEqual([{ role: 'admin', country: null, sectors: [] }]); // nothing written in part
  });
});
