import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listAuthEvents } from '../../server/modules/audit/repository';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { nationalFixture } from './support/national';

let database: Database;
let app: FastifyInstance;
let admin: Session;
let adminId = 0;
let focalId = 0;
let facId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await nationalFixture(database, 'JOR');
  await nationalFixture(database, 'SYR');
  app = await buildApp({ database, publicRead: false });
  await app.ready();
  adminId = (await makeUser(database, 'admin@example.org', [role('admin')])).id;
  focalId = (await makeUser(database, 'focal@example.org', [role('focal_point', 'JOR')])).id;
  facId = (await makeUser(database, 'fac@example.org', [role('facilitator')])).id;
  admin = await signIn(app, 'admin@example.org');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const asAdmin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  app.inject(withCredential({ session: admin }, { method, url, payload }));
const putJordan = (token: string) =>
  app.inject({
    method: 'PUT',
    url: '/api/values/JOR/national-jor/N-PCT/2020',
    headers: { authorization: `Bearer ${token}` },
    payload: { status: 'no_data', reason: 'Not collected' },
  });
const putSyria = (token: string) =>
  app.inject({
    method: 'PUT',
    url: '/api/values/SYR/national-syr/N-PCT/2020',
    headers: { authorization: `Bearer ${token}` },
    payload: { status: 'no_data', reason: 'Not collected' },
  });

describe('API tokens made by an administrator for another account', () => {
  it('shows the secret once; the token acts as that user with its scope; the owner sees who made it', async () => {
    const res = await asAdmin('POST', `/api/users/${focalId}/tokens`, {
      name: 'dhis2 jordan',
      scope: 'write',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^nap_/);
    expect(created.createdBy).toEqual({ id: adminId, displayName: 'admin' });

    const me = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(me.json()).toMatchObject({ email: 'focal@example.org', via: 'token', scope: 'write' });
    // The focal point's permissions, not the administrator's: Jordan yes, Syria no.
    expect((await putJordan(created.token)).statusCode).toBe(201);
    expect((await putSyria(created.token)).statusCode).toBe(403);

    const read = (
      await asAdmin('POST', `/api/users/${focalId}/tokens`, { name: 'ro', scope: 'read' })
    ).json();
    const refused = await putJordan(read.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('token: this token is read-only');

    const list = await asAdmin('GET', `/api/users/${focalId}/tokens`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['ro', 'dhis2 jordan']);
    expect(JSON.stringify(list.json())).not.toContain(created.token); // shown once only
    // The owner sees it in their own list, with who created it.
    const focal = await signIn(app, 'focal@example.org');
    const own = await app.inject({ url: '/api/tokens', headers: { cookie: focal.cookie } });
    expect(own.json().items.find((t: { id: number }) => t.id === created.id)).toMatchObject({
      name: 'dhis2 jordan',
      createdBy: { id: adminId },
    });
  });

  it('revocation by the administrator takes effect at once; audit rows name admin and owner', async () => {
    const created = (
      await asAdmin('POST', `/api/users/${focalId}/tokens`, { name: 'to revoke', scope: 'read' })
    ).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await app.inject({ url: '/api/countries', headers: bearer })).statusCode).toBe(200);

    // Addressed under another account: nothing happens.
    const wrongOwner = await asAdmin('DELETE', `/api/users/${facId}/tokens/${created.id}`);
    expect(wrongOwner.statusCode).toBe(404);
    expect(wrongOwner.json().message).toBe(`token: user ${facId} has no active token with id ${created.id}`);
    expect((await app.inject({ url: '/api/countries', headers: bearer })).statusCode).toBe(200);

    expect((await asAdmin('DELETE', `/api/users/${focalId}/tokens/${created.id}`)).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/countries', headers: bearer })).statusCode).toBe(401);
    expect((await asAdmin('DELETE', `/api/users/${focalId}/tokens/${created.id}`)).statusCode).toBe(404);
    const listed = (await asAdmin('GET', `/api/users/${focalId}/tokens`)).json().items;
    expect(listed.find((t: { id: number }) => t.id === created.id).revokedAt).not.toBeNull();

    const events = (await listAuthEvents(database.db, { subjectId: focalId }))
      .filter((e) => (e.details as { tokenId?: number }).tokenId === created.id)
      .map((e) => ({ event: e.event, actorId: e.actorId, subjectId: e.subjectId }))
      .reverse();
    expect(events).toEqual([
      { event: 'token.create', actorId: adminId, subjectId: focalId },
      { event: 'token.revoke', actorId: adminId, subjectId: focalId },
    ]);
  });

  it('refuses facilitators and focal points (403), anonymous callers (401) and tokens, even an admin write token (403)', async () => {
    const url = `/api/users/${focalId}/tokens`;
    const payload = { name: 'nope', scope: 'read' };
    for (const email of ['fac@example.org', 'focal@example.org']) {
      const s = await signIn(app, email);
      const post = await app.inject(withCredential({ session: s }, { method: 'POST', url, payload }));
      expect(post.statusCode).toBe(403);
      expect(post.json().message).toBe('role: administrators only');
      expect((await app.inject(withCredential({ session: s }, { url }))).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    expect((await app.inject({ url })).statusCode).toBe(401);
    const adminToken = await createToken(app, admin, 'write');
    const viaToken = await app.inject(
      withCredential({ token: adminToken.token }, { method: 'POST', url, payload }),
    );
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().message).toBe('token: credentials are managed from a signed-in session');
  });

  it('answers 404 for an unknown account and 409 for a deactivated one, naming the field', async () => {
    const none = await asAdmin('POST', '/api/users/999999/tokens', { name: 'x', scope: 'read' });
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toBe('user: no user with id 999999');
    const gone = await makeUser(database, 'gone@example.org', [role('viewer', 'JOR')]);
    await app.inject(
      withCredential(
        { session: admin },
        { method: 'PATCH', url: `/api/users/${gone.id}`, payload: { active: false } },
      ),
    );
    const res = await asAdmin('POST', `/api/users/${gone.id}/tokens`, { name: 'x', scope: 'read' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('user: gone@example.org is deactivated; reactivate it first');
  });
});
