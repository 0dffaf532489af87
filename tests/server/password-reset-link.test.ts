import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listAuthEvents } from '../../server/modules/audit/repository';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, PASSWORD, role, signIn, withCredential } from './support/auth';

let database: Database;
let app: FastifyInstance;
let clock = Date.parse('2026-03-01T09:00:00Z');
let focalId = 0;
const NEW_PASSWORD = 'river basin lantern 2026';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now: () => new Date(clock) });
  await app.ready();
  focalId = (await makeUser(database, 'reset-focal@example.org', [role('focal_point', 'JOR')])).id;
  await makeUser(database, 'reset-admin@example.org', [role('admin')]);
  await makeUser(database, 'reset-validator@example.org', [role('validator', 'JOR')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function makeLink(email = 'reset-admin@example.org', userId = focalId) {
  const admin = await signIn(app, email);
  return app.inject(
    withCredential({ session: admin }, { method: 'POST', url: `/api/users/${userId}/reset-link` }),
  );
}
const useLink = (token: string, newPassword = NEW_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword } });
const signInStatus = async (password: string) =>
  (
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'reset-focal@example.org', password },
    })
  ).statusCode;

describe('a one-time password link', () => {
  it('only an administrator makes one', async () => {
    expect((await makeLink('reset-validator@example.org')).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/users/${focalId}/reset-link` })).statusCode).toBe(
      401,
    );
  });

  it('sets a new password once, ends every session, and is refused the second time', async () => {
    const session = await signIn(app, 'reset-focal@example.org');
    const res = await makeLink();
    expect(res.statusCode, res.body).toBe(201);
    const link = res.json() as { token: string; path: string; expiresAt: string };
    expect(link.path).toBe(`/reset-password#token=${link.token}`);
    expect(Date.parse(link.expiresAt) - clock).toBe(24 * 3_600_000);

    const weak = await useLink(link.token, 'reset-focal@example.org');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/^newPassword: /);

    expect((await useLink(link.token)).statusCode).toBe(204);
    expect(await signInStatus(PASSWORD)).toBe(401);
    expect(await signInStatus(NEW_PASSWORD)).toBe(200);
    const old = await app.inject({ url: '/api/tokens', headers: { cookie: session.cookie } });
    expect(old.statusCode).toBe(401);

    const again = await useLink(link.token, 'another long passphrase 77');
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toMatch(/^token: this link no longer works/);
    const events = await listAuthEvents(database.db, { subjectId: focalId });
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['password.reset_link', 'password.reset_by_link']),
    );
  });

  it('stops working after 24 hours, and a newer link replaces an older one', async () => {
    const first = (await makeLink()).json() as { token: string };
    const second = (await makeLink()).json() as { token: string };
    expect((await useLink(first.token)).statusCode).toBe(400);
    clock += 24 * 3_600_000 + 1000;
    expect((await useLink(second.token)).statusCode).toBe(400);
    const third = (await makeLink()).json() as { token: string };
    expect((await useLink(third.token, 'third long passphrase 31')).statusCode).toBe(204);
  });

  it('names the field of a malformed link', async () => {
    const res = await useLink('short');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/token/);
  });
});
