import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listAuthEvents } from '../../server/modules/audit/repository';
import { createSmtpMailer, type Mailer } from '../../server/modules/reminders/mailer';
import { startDigestScheduler } from '../../server/modules/reminders/scheduler';
import { type DigestDeps, runDailyDigest } from '../../server/modules/reminders/service';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn } from './support/auth';
import { jordanTestPlan } from './support/plans';
import { deadSmtpUrl, type ReceivedMail, startSmtpServer } from './support/smtp';
import { addPeriod, as } from './support/workflow';

const PUBLIC_URL = 'https://nap.example.org';
const FROM = 'NAP Tracker <noreply@example.org>';
// The digest's first day: the 2024 report is due in 3 days (31 March 2026).
const DAY1 = new Date('2026-03-28T07:00:00Z');
const nextDay = (d: Date, n = 1) => new Date(d.getTime() + n * 86_400_000);

let database: Database;
let app: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
const s = {} as Record<'focal' | 'validator' | 'quiet', Session>;
const ids = { focal: 0, validator: 0, quiet: 0, demo: 0 };
const periods = { due: 0, submitted: 0, returned: 0 };
const log = pino({ level: 'silent' });

const deps = (m: Mailer = mailer): DigestDeps => ({
  db: database.db,
  mailer: m,
  publicUrl: PUBLIC_URL,
  daysBefore: 7,
  log,
});
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const digestRow = async (userId: number, day: string) =>
  (
    await database.rows<{
      sent_at: Date | null;
      claimed_at: Date | null;
      attempts: number;
      error: string | null;
      items: number | null;
    }>(
      sql`select sent_at, claimed_at, attempts, error, items from mail_digests where user_id = ${userId} and day = ${day}`,
    )
  )[0];
const links = (m: ReceivedMail) => [...m.text.matchAll(/https:\/\/nap\.example\.org\/\S+/g)].map((x) => x[0]);

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = createSmtpMailer({ smtpUrl: smtp.url, from: FROM });
  database = await openTestDatabase();
  app = await buildApp({ database, now: () => DAY1 });
  await app.ready();
  ids.focal = (await makeUser(database, 'digest-focal@example.org', [role('focal_point', 'JOR')])).id;
  ids.validator = (await makeUser(database, 'digest-val@example.org', [role('validator', 'JOR')])).id;
  ids.quiet = (await makeUser(database, 'digest-quiet@example.org', [role('focal_point', 'JOR')])).id;
  s.focal = await signIn(app, 'digest-focal@example.org');
  s.validator = await signIn(app, 'digest-val@example.org');
  s.quiet = await signIn(app, 'digest-quiet@example.org');
  expect((await as(app, s.focal, 'PUT', '/api/auth/me/locale', { locale: 'fr' })).statusCode).toBe(204);

  const planId = await jordanTestPlan(database);
  periods.due = (await addPeriod(app, s.focal, planId, 2024, '2026-03-31')).id;
  const submitted = await addPeriod(app, s.focal, planId, 2023, '2026-06-30');
  periods.submitted = submitted.id;
  const step = async (who: Session, id: number, t: string, body: object) => {
    const res = await as(app, who, 'POST', `/api/periods/${id}/${t}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { submission: { version: number } };
  };
  await step(s.focal, submitted.id, 'submit', { version: submitted.submission.version });
  const returned = await addPeriod(app, s.focal, planId, 2022, '2026-01-31');
  periods.returned = returned.id;
  const sent = await step(s.focal, returned.id, 'submit', { version: returned.submission.version });
  await step(s.validator, returned.id, 'return', {
    version: sent.submission.version,
    reason: 'Indicateur 7.4 : joindre la source',
  });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await app?.close();
  await database?.close();
});

describe('the daily e-mail digest', () => {
  it('a user turns it off on their account (audited); the switch is in who they are', async () => {
    const me = async (who: Session) => (await as(app, who, 'GET', '/api/auth/me')).json();
    expect((await me(s.quiet)).emailReminders).toBe(true);
    const bad = await as(app, s.quiet, 'PUT', '/api/auth/me/reminders', { enabled: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/enabled/);
    expect(
      (await app.inject({ method: 'PUT', url: '/api/auth/me/reminders', payload: { enabled: false } }))
        .statusCode,
    ).toBe(401);
    expect((await as(app, s.quiet, 'PUT', '/api/auth/me/reminders', { enabled: false })).statusCode).toBe(
      204,
    );
    expect((await me(s.quiet)).emailReminders).toBe(false);
    const events = await listAuthEvents(database.db, { subjectId: ids.quiet, event: 'user.reminders' });
    expect(events.map((e) => e.details)).toEqual([{ enabled: false, via: 'session' }]);
    const config = await app.inject({ url: '/api/config' });
    expect(config.json()).toEqual({ mail: false });
  });

  it('sends a French focal point one message in French, each period linked', async () => {
    const run = await runDailyDigest(deps(), DAY1);
    expect(run).toMatchObject({ sent: 2, failed: 0, deferred: 0 });
    const mails = mailTo('digest-focal@example.org');
    expect(mails).toHaveLength(1);
    const m = mails[0] as ReceivedMail;
    expect(m.from).toBe('noreply@example.org');
    expect(m.headers['content-language']).toBe('fr');
    expect(m.subject).toBe('NAP Tracker\u00a0: 1 renvoyée, 1 période à rendre');
    expect(m.text).toContain('Bonjour digest-focal,');
    expect(m.text).toContain('À rendre d’ici 7 jours');
    expect(m.text).toContain('Jordanie, 2024 — JOR NAP\u00a0: à rendre le 31 mars 2026 (dans 3 jours)');
    expect(m.text).toContain('Renvoyées pour correction');
    expect(m.text).toContain('Motif\u00a0: Indicateur 7.4 : joindre la source');
    expect(links(m)).toEqual([
      `${PUBLIC_URL}/periods/${periods.returned}`,
      `${PUBLIC_URL}/periods/${periods.due}`,
      `${PUBLIC_URL}/due`,
      `${PUBLIC_URL}/account`,
    ]);
    expect(m.html).toContain('<html lang="fr" dir="ltr">');
    expect(m.html).toContain(`<a href="${PUBLIC_URL}/periods/${periods.due}">Jordanie, 2024 — JOR NAP</a>`);
    expect(m.html).toContain(`<a href="${PUBLIC_URL}/account">Ne plus recevoir ces e-mails</a>`);
    // The link works: the path after PUBLIC_URL is the period's page, whose data the focal point may open.
    const path = new URL(links(m)[1] as string).pathname;
    expect(path).toBe(`/periods/${periods.due}`);
    const entry = await as(app, s.focal, 'GET', `/api/periods/${path.split('/')[2]}/entry`);
    expect(entry.statusCode).toBe(200);
    expect(entry.json().period.code).toBe('2024');
  });

  it('tells the validator what waits for approval, in English, and nothing to who turned it off', async () => {
    const [m, ...more] = mailTo('digest-val@example.org');
    expect(more).toHaveLength(0);
    expect(m?.subject).toBe('NAP Tracker: 1 to approve');
    expect(m?.text).toContain('Submitted, waiting for your approval');
    expect(m?.text).toContain('Jordan, 2023 — JOR NAP: due June 30, 2026');
    expect(links(m as ReceivedMail)[0]).toBe(`${PUBLIC_URL}/periods/${periods.submitted}`);
    expect(mailTo('digest-quiet@example.org')).toHaveLength(0);
    expect(await digestRow(ids.quiet, '2026-03-28')).toBeUndefined();
    expect(await digestRow(ids.focal, '2026-03-28')).toMatchObject({ attempts: 1, error: null, items: 2 });
  });

  it('sends each user one message when two runs race, nothing more the same day, and no old news', async () => {
    const before = smtp.received.length;
    const day2 = nextDay(DAY1);
    const runs = await Promise.all([runDailyDigest(deps(), day2), runDailyDigest(deps(), day2)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(2);
    const fresh = smtp.received.slice(before);
    expect(fresh.map((m) => m.to[0]).sort()).toEqual(['digest-focal@example.org', 'digest-val@example.org']);
    // The return was told yesterday: today only what is still due.
    const focal = fresh.find((m) => m.to.includes('digest-focal@example.org'));
    expect(focal?.subject).toBe('NAP Tracker\u00a0: 1 période à rendre');
    expect(focal?.text).toContain('(dans 2 jours)');
    const again = await runDailyDigest(deps(), new Date(day2.getTime() + 3_600_000));
    expect(again).toMatchObject({ candidates: 0, sent: 0 });
    expect(smtp.received.length).toBe(before + 2);
  });

  it('records a failure when the mail server is down and sends at the next run', async () => {
    const day3 = nextDay(DAY1, 2);
    const down = createSmtpMailer({ smtpUrl: await deadSmtpUrl(), from: FROM });
    const before = smtp.received.length;
    const failed = await runDailyDigest(deps(down), day3);
    down.close();
    // The first failure stops the run: the server is unreachable, the others wait unclaimed.
    expect(failed).toMatchObject({ candidates: 2, sent: 0, failed: 1, deferred: 1 });
    const row = await digestRow(ids.focal, '2026-03-30');
    expect(row).toMatchObject({ sent_at: null, claimed_at: null, attempts: 1 });
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i);

    const retried = await runDailyDigest(deps(), new Date(day3.getTime() + 5 * 60_000));
    expect(retried).toMatchObject({ candidates: 2, sent: 2, failed: 0 });
    expect(await digestRow(ids.focal, '2026-03-30')).toMatchObject({ error: null, attempts: 2, items: 1 });
    expect(smtp.received.length).toBe(before + 2);
    const focal = smtp.received.slice(before).find((m) => m.to.includes('digest-focal@example.org'));
    expect(focal?.text).toContain('(dans 1 jour)');
  });

  it('gives up a day after the bounded tries', async () => {
    const day4 = nextDay(DAY1, 3);
    const down = createSmtpMailer({ smtpUrl: await deadSmtpUrl(), from: FROM });
    const toFocal = mailTo('digest-focal@example.org').length;
    for (let i = 0; i < 4; i++) await runDailyDigest({ ...deps(down), maxAttempts: 3 }, day4);
    down.close();
    expect(await digestRow(ids.focal, '2026-03-31')).toMatchObject({ attempts: 3, sent_at: null });
    const after = await runDailyDigest({ ...deps(), maxAttempts: 3 }, day4);
    // The validator's digest (deferred behind the focal point's failures) goes; the focal point's is given up.
    expect(after).toMatchObject({ candidates: 1, sent: 1 });
    expect(mailTo('digest-focal@example.org')).toHaveLength(toFocal);
    expect(mailTo('digest-val@example.org').length).toBe(4);
  });

  it('the scheduler runs it once the day’s hour has passed, and stops on shutdown', async () => {
    let clock = new Date('2026-04-02T05:30:00Z');
    const before = smtp.received.length;
    const scheduler = startDigestScheduler({ ...deps(), hourUtc: 6, now: () => clock, everyMs: 20 });
    await new Promise((r) => setTimeout(r, 150));
    expect(await digestRow(ids.focal, '2026-04-02')).toBeUndefined();
    clock = new Date('2026-04-02T06:01:00Z');
    await vi.waitFor(() => expect(smtp.received.length).toBe(before + 2), { timeout: 5000 });
    await scheduler.stop();
    expect(await digestRow(ids.focal, '2026-04-02')).toMatchObject({ attempts: 1, error: null });
    expect(smtp.received.length).toBe(before + 2);
  });
});
