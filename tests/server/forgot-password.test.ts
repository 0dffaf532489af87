import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listAuthEvents } from '../../server/modules/audit/repository';
import { createSmtpMailer, type Mailer } from '../../server/modules/reminders/mailer';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, signIn, withCredential } from './support/auth';
import { startSmtpServer } from './support/smtp';

const PUBLIC_URL = 'https://nap.example.org';
let database: Database;
let app: FastifyInstance;
let plain: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
let userId = 0;
const NEW_PASSWORD = 'harbour lantern meadow 2026';

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'NAP Tracker <noreply@example.org>' });
  database = await openTestDatabase();
  app = await buildApp({ database, mail: { mailer, publicUrl: PUBLIC_URL } });
  plain = await buildApp({ database });
  await Promise.all([app.ready(), plain.ready()]);
  userId = (await makeUser(database, 'Forgot-Focal@example.org', [role('focal_point', 'JOR')])).id;
  const s = await signIn(app, 'forgot-focal@example.org');
  await app.inject(
    withCredential({ session: s }, { method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'es' } }),
  );
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await app?.close();
  await plain?.close();
  await database?.close();
});

const ask = (a: FastifyInstance, email: string, ip = '10.1.0.1') =>
  a.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email }, remoteAddress: ip });

describe('forgot your password?', () => {
  it('answers the same for an unknown address and a known one, and e-mails only the account a link that works', async () => {
    expect((await app.inject({ url: '/api/config' })).json()).toEqual({ mail: true });
    const unknown = await ask(app, 'nobody-here@example.org');
    const known = await ask(app, 'FORGOT-focal@example.org ');
    expect([unknown.statusCode, known.statusCode]).toEqual([204, 204]);
    expect(unknown.body).toBe(known.body);
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 5000 });
    const [m] = smtp.received;
    expect(m?.to).toEqual(['Forgot-Focal@example.org']);
    expect(m?.subject).toBe('NAP Tracker: elegir una nueva contraseña');
    const url = /https:\/\/nap\.example\.org\/reset-password#token=([\w-]+)/.exec(m?.text ?? '');
    expect(url, m?.text).not.toBeNull();
    expect(m?.html).toContain(`<a href="${url?.[0]}">Elegir una nueva contraseña</a>`);
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: url?.[1], newPassword: NEW_PASSWORD },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    await signIn(app, 'forgot-focal@example.org', NEW_PASSWORD);
    const events = (await listAuthEvents(database.db, { subjectId: userId })).map((e) => [
      e.event,
      e.actorId,
      e.details,
    ]);
    expect(events).toContainEqual(['password.reset_link', null, { via: 'email' }]);
    const asked = await listAuthEvents(database.db, { event: 'password.forgot' });
    expect(asked.map((e) => e.details.email).sort()).toEqual([
      'FORGOT-focal@example.org',
      'nobody-here@example.org',
    ]);
  });

  it('is throttled like sign-in, per e-mail whether or not an account has it', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await ask(app, 'throttled@example.org', `10.2.0.${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([204, 204, 204, 204, 204]);
    const refused = await ask(app, 'throttled@example.org', '10.2.0.99');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Signing in is not locked by it.
    await signIn(app, 'forgot-focal@example.org', NEW_PASSWORD, '10.2.0.1');
  });

  it('says so when the server sends no e-mail, and checks the address', async () => {
    expect((await plain.inject({ url: '/api/config' })).json()).toEqual({ mail: false });
    const res = await ask(plain, 'forgot-focal@example.org');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^email: this server sends no e-mail/);
    const bad = await ask(app, 'not an address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^body\.email: /);
  });
});
