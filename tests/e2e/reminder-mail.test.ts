import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr } from '../../client/i18n/locales/fr';
import type { Database } from '../../server/db/client';
import { createSmtpMailer } from '../../server/modules/reminders/mailer';
import { runDailyDigest } from '../../server/modules/reminders/service';
import { makeUser, PASSWORD, role, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { startSmtpServer } from '../server/support/smtp';
import { addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { serveForBrowser, stopServing } from './browser';

/**
 * The e-mail reminder, end to end: a focal point works in French in the browser (the
 * language menu also keeps it on the account), a period falls due in three days, the daily digest goes
 * through a real SMTP server started here, and the message arrives in French with a link that opens
 * the period's entry page in the browser.
 */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let periodId = 0;
const EMAIL = 'mail-focal@example.org';

beforeAll(async () => {
  smtp = await startSmtpServer();
  database = await openTestDatabase();
  await makeUser(database, EMAIL, [role('focal_point', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, EMAIL);
  const planId = await jordanPlanId(database);
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  periodId = (await addPeriod(app, focal, planId, 2021, due)).id;
});
afterAll(async () => {
  await stopServing({ browser, app, database });
  await smtp?.close();
});

describe('the e-mail reminder', () => {
  it('arrives in the language picked in the browser, and its link opens the period', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.locator('main form').getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    // Signed in, the language menu also stores the choice on the account (for e-mail).
    const stored = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/locale'));
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    expect((await stored).status()).toBe(204);

    const run = await runDailyDigest(
      {
        db: database.db,
        mailer: createSmtpMailer({ smtpUrl: smtp.url, from: 'NAP Tracker <noreply@example.org>' }),
        publicUrl: baseUrl,
        daysBefore: 7,
        log: pino({ level: 'silent' }),
      },
      new Date(),
    );
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to.includes(EMAIL));
    expect(mail?.subject).toMatch(/^NAP Tracker\u00a0: 1 période à rendre$/);
    const link = [...(mail?.text ?? '').matchAll(/https?:\/\/\S+\/periods\/\d+/g)].map((m) => m[0])[0];
    expect(link).toBe(`${baseUrl}/periods/${periodId}`);

    await page.goto(link as string);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /2021/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: fr['workflow.submit'] as string }).waitFor();
    await context.close();
  });
});
