import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import type { Database } from '../../server/db/client';
import { makeUser, role, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { addNationalIndicator, addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, paintedPixels, serveForBrowser, stopServing } from './browser';

/**
 * The main journeys in Arabic (right to left) and in English, by keyboard where it matters, with
 * screenshots in test-results/e2e/ (i18n-<lang>-<step>.png) for a person to look at.
 */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'i18n-focal@example.org', [role('focal_point', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'i18n-focal@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'I18N-PCT', 'percentage');
  periodId = (await addPeriod(app, focal, planId, 2021, '2099-03-31')).id;
});
afterAll(() => stopServing({ browser, app, database }));

const TEXT = {
  ar: {
    caseStudy: 'دراسة حالة: الأردن',
    jordan: 'الأردن',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    signIn: 'تسجيل الدخول',
    compare: 'المقارنة',
  },
  en: {
    caseStudy: 'Case study: Jordan',
    jordan: 'Jordan',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    compare: 'Compare',
  },
} as const;

async function newPage(locale: 'ar' | 'en') {
  const context = await browser.newContext({
    locale: locale === 'ar' ? 'ar-JO' : 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors, context };
}

const shot = (page: Page, locale: string, step: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, `i18n-${locale}-${step}.png`), fullPage: true });

/** Where an element starts horizontally: the brand sits at the start of the header (right in Arabic). */
const left = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().left);

describe.each(['ar', 'en'] as const)('main journeys in %s', (locale) => {
  const tx = TEXT[locale];

  it('home → Jordan → compare with its region: mirrored layout, translated, charts drawn', async () => {
    const { page, errors, context } = await newPage(locale);
    await page.goto(baseUrl);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(
      locale === 'ar' ? ['ar', 'rtl'] : ['en', 'ltr'],
    );
    // The brand starts the header's top row and the account tools end it: mirrored in Arabic.
    const brand = await left(page, '.brand');
    const tools = await left(page, '.site-header__tools');
    expect(locale === 'ar' ? brand > tools : brand < tools).toBe(true);
    // The main navigation is the second row, aligned to the start (right in Arabic).
    const firstLink = await left(page, '.site-nav--main a');
    const lastLink = await left(page, '.site-nav--main li:last-child a');
    expect(locale === 'ar' ? firstLink > lastLink : firstLink < lastLink).toBe(true);
    await shot(page, locale, '1-home');

    await page.getByRole('link', { name: tx.caseStudy }).click();
    await page.waitForURL(/\/countries\/JOR$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(tx.jordan);
    await page.getByTestId('compare-chart').waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="compare-chart"]'), { timeout: 10_000 })
      .toBeGreaterThan(2000);
    await shot(page, locale, '2-country');

    // The export menu works by keyboard alone: Enter opens it on its first item, arrows move, Escape closes.
    const menuButton = page.locator('main button[aria-haspopup="menu"]').first();
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role'));
    await expect.poll(focusedRole).toBe('menuitem');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // The chart has a text alternative in the page's language.
    const label = await page.getByTestId('compare-chart').getAttribute('aria-label');
    expect(label).toMatch(locale === 'ar' ? /مخطط أعمدة/ : /Bar chart/);

    await page.locator('main a[href^="/compare?country=JOR"]').first().click();
    await page.waitForURL(/\/compare\?/);
    const chart = page.locator('main canvas[role="img"]').first();
    await chart.waitFor();
    await expect
      .poll(() => paintedPixels(page, 'main canvas[role="img"]'), { timeout: 10_000 })
      .toBeGreaterThan(2000);
    expect(await chart.getAttribute('aria-label')).toMatch(
      locale === 'ar' ? /مخطط أعمدة مكدّسة/ : /Stacked bar chart/,
    );
    await shot(page, locale, '3-compare');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a focal point signs in by keyboard, opens what is due and the entry grid', async () => {
    const { page, errors, context } = await newPage(locale);
    await page.goto(`${baseUrl}/sign-in?next=/due`);
    await page.getByLabel(tx.email).focus();
    await page.keyboard.type('i18n-focal@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a long test password 42');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/due$/);
    await page.locator(`a[href="/periods/${periodId}"]`).first().waitFor();
    await shot(page, locale, '4-due');

    // Keyboard to the period: focus its link and follow it with Enter.
    await page.locator(`a[href="/periods/${periodId}"]`).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/periods/${periodId}$`));
    const value = page.locator('table input[type="text"], table input[inputmode]').first();
    await value.waitFor();
    // The row saves itself a moment after the last keystroke (debounced PUT): the screenshot shows
    // it saved, so wait for that answer and for the row to say so.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.startsWith('/api/values/'),
    );
    await value.focus();
    // Both languages' journeys enter into the same period: replace what the other one saved, with a
    // value of its own, so that each saves (and a 4545 % is never typed).
    await page.keyboard.press('ControlOrMeta+KeyA');
    await page.keyboard.type(locale === 'ar' ? '45' : '55');
    // A visible focus indicator on the focused field.
    const outline = await value.evaluate(
      (el) => getComputedStyle(el).outlineStyle + getComputedStyle(el).boxShadow,
    );
    expect(outline).not.toBe('nonenone');
    expect((await saved).ok()).toBe(true);
    await value
      .locator('xpath=ancestor::tr[1]')
      .getByText((locale === 'ar' ? ar : en)['grid.saved'], { exact: true })
      .waitFor();
    await shot(page, locale, '5-period-entry');
    await context.close();
    expect(errors).toEqual([]);
  });
});
