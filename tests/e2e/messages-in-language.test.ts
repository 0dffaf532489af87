import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { fr } from '../../client/i18n/locales/fr';
import type { Catalog } from '../../client/i18n/types';
import type { Database } from '../../server/db/client';
import { makeUser, PASSWORD, role, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { addNationalIndicator, addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

/**
 * Messages people understand, in their language, through the UI in English, French and
 * Arabic: a wrong password at sign-in, a percentage out of range in the grid (said beside the input,
 * which is marked invalid), a decimal comma accepted in French, and a password change refused for a
 * wrong current password, then done.
 */
const LOCALES = ['en', 'fr', 'ar'] as const;
type Loc = (typeof LOCALES)[number];
const CATALOGS: Record<Loc, Catalog> = { en, fr, ar };
const YEAR: Record<Loc, number> = { en: 2018, fr: 2019, ar: 2020 };
const GOOD: Record<Loc, { typed: string; shown: RegExp }> = {
  en: { typed: '45.5', shown: /^45\.5$/ },
  fr: { typed: '45,5', shown: /^45,5$/ },
  ar: { typed: '٤٥٫٥', shown: /^(45|٤٥)[٫,.](5|٥)$/ },
};

function tx(locale: Loc, key: keyof Catalog, params: Record<string, string> = {}): string {
  const m = CATALOGS[locale][key];
  if (typeof m !== 'string') throw new Error(`${key} is a plural message`);
  return m.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
const periodIds: Partial<Record<Loc, number>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'msg-focal@example.org', [role('focal_point', 'JOR')]);
  for (const l of LOCALES) await makeUser(database, `msg-${l}@example.org`, [role('focal_point', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'msg-focal@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'MSG-PCT', 'percentage');
  for (const l of LOCALES) periodIds[l] = (await addPeriod(app, focal, planId, YEAR[l], '2099-03-31')).id;
});
afterAll(() => stopServing({ browser, app, database }));

async function pageIn(locale: Loc): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The language a user picked before, as the language menu keeps it.
  await context.addInitScript((l) => localStorage.setItem('nap.locale', l), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

async function signInAs(page: Page, locale: Loc, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(tx(locale, 'signIn.email')).fill(email);
  await page.getByLabel(tx(locale, 'signIn.password')).fill(password);
  await page
    .locator('main form')
    .getByRole('button', { name: tx(locale, 'signIn.title') })
    .click();
}

describe.each(LOCALES)('messages in %s', (locale) => {
  it('says a wrong password, a bad value and a wrong current password in the language, by the field', async () => {
    const { page, errors, close } = await pageIn(locale);
    const email = `msg-${locale}@example.org`;
    // A wrong password: one sentence for the form, not which of the two was wrong.
    await signInAs(page, locale, email, 'not the password at all');
    const refused = page.locator('main form [role="alert"]');
    await refused.waitFor();
    expect((await refused.textContent())?.trim()).toBe(tx(locale, 'issue.incorrectSignIn'));
    await signInAs(page, locale, email, PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

    // A percentage of 140: refused beside the input, in the language, and the input marked invalid.
    await page.goto(`${baseUrl}/periods/${periodIds[locale]}`);
    const input = page.getByRole('textbox', { name: tx(locale, 'grid.valueOfPct', { code: 'MSG-PCT' }) });
    await input.fill('140');
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const problem = page.locator(`[id="${await input.getAttribute('aria-describedby')}"]`);
    expect((await problem.textContent())?.trim()).toBe(tx(locale, 'issue.percentage'));
    await page.screenshot({ path: path.join(ARTEFACTS, `messages-${locale}-grid.png`) });
    // As the language writes it ("45,5" in French): accepted and saved.
    await input.fill(GOOD[locale].typed);
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBeNull();
    const row = page.locator('[data-row]').filter({ has: input });
    await row.getByText(tx(locale, 'grid.saved'), { exact: true }).waitFor({ timeout: 10_000 });
    expect(GOOD[locale].shown.test(await input.inputValue())).toBe(true);

    // Changing the password: a wrong current password is said beside that field.
    await page.goto(`${baseUrl}/account`);
    await page
      .getByLabel(tx(locale, 'account.currentPassword'), { exact: true })
      .fill('not my password at all');
    await page
      .getByLabel(tx(locale, 'account.newPassword'), { exact: true })
      .fill('a brand new passphrase 2026');
    await page
      .getByLabel(tx(locale, 'account.repeatPassword'), { exact: true })
      .fill('a brand new passphrase 2026');
    await page.getByRole('button', { name: tx(locale, 'account.changeSubmit') }).click();
    const current = page.getByLabel(tx(locale, 'account.currentPassword'), { exact: true });
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    const described = await current.getAttribute('aria-describedby');
    expect((await page.locator(`[id="${described}"]`).textContent())?.trim()).toBe(
      tx(locale, 'account.currentWrong'),
    );
    await current.fill(PASSWORD);
    await page.getByRole('button', { name: tx(locale, 'account.changeSubmit') }).click();
    await page.getByText(tx(locale, 'account.changed')).waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, `messages-${locale}-account.png`) });
    // The new password signs in.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'a brand new passphrase 2026' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(errors).toEqual([]);
    await close();
  });
});
