import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
 * The data-entry journey on a 390 × 844 phone, in English, French and Arabic, through the UI
 * only: a focal point enters and saves values, submits; a validator returns it with a reason; the focal
 * point corrects and resubmits; the validator approves. On the way: the header's Menu button, each grid
 * row as a card whose controls take the tap, and no main page scrolling sideways. Screenshots of the
 * grid at phone and laptop width go to test-results/e2e/phone-<lang>-*.png.
 */
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };
const LOCALES = ['en', 'fr', 'ar'] as const;
type Loc = (typeof LOCALES)[number];
const CATALOGS: Record<Loc, Catalog> = { en, fr, ar };
const YEAR: Record<Loc, number> = { en: 2019, fr: 2020, ar: 2021 };
/** Numbers as each language writes them: a decimal comma in French, Arabic-Indic digits in Arabic. */
const TYPED: Record<Loc, { pct: string; num: string; fixed: string; fixedShown: RegExp }> = {
  en: { pct: '45.5', num: '1234', fixed: '55', fixedShown: /^55$/ },
  fr: { pct: '45,5', num: '1 234,5', fixed: '55,5', fixedShown: /^55,5$/ },
  ar: { pct: '٤٥٫٥', num: '١٢٣٤', fixed: '٥٥', fixedShown: /^(55|٥٥)$/ },
};
const JORDAN: Record<Loc, string> = { en: 'Jordan', fr: 'Jordanie', ar: 'الأردن' };

/** A catalog text with its {placeholders} filled (plain messages only). */
function tx(locale: Loc, key: keyof Catalog, params: Record<string, string> = {}): string {
  const m = CATALOGS[locale][key];
  if (typeof m !== 'string') throw new Error(`${key} is a plural message`);
  return m.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
const periodIds: Partial<Record<Loc, number>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'phone-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'phone-validator@example.org', [role('validator', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'phone-focal@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'PH-PCT', 'percentage');
  await addNationalIndicator(app, focal, planId, 'PH-NUM', 'number');
  for (const l of LOCALES) periodIds[l] = (await addPeriod(app, focal, planId, YEAR[l], '2099-03-31')).id;
});
afterAll(() => stopServing({ browser, app, database }));

async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

const shot = (page: Page, locale: Loc, step: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, `phone-${locale}-${step}.png`) });

/** The header's Menu button: it opens the menu, and Escape closes it and gives the focus back. */
async function openMenu(page: Page, locale: Loc): Promise<Locator> {
  const button = page.locator('header').getByRole('button', { name: tx(locale, 'layout.menu') });
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  const menu = page.locator(`#${await button.getAttribute('aria-controls')}`);
  await menu.waitFor();
  return menu;
}

/** Picks the language in the phone menu (kept in the browser); Escape closes the menu on its button. */
async function chooseLanguage(page: Page, locale: Loc) {
  const menu = await openMenu(page, 'en');
  await menu.getByRole('combobox', { name: 'Language' }).selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await page.keyboard.press('Escape');
  const button = page.locator('header').getByRole('button', { name: tx(locale, 'layout.menu') });
  await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
  expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await menu.isVisible()).toBe(false);
}

async function signInThroughMenu(page: Page, locale: Loc, email: string) {
  const menu = await openMenu(page, locale);
  await menu.getByRole('link', { name: tx(locale, 'nav.signIn') }).click();
  await page.getByLabel(tx(locale, 'signIn.email')).fill(email);
  await page.getByLabel(tx(locale, 'signIn.password')).fill(PASSWORD);
  await page
    .locator('main form')
    .getByRole('button', { name: tx(locale, 'signIn.title') })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** What is due (from the menu) → the period's entry page. */
async function openPeriod(page: Page, locale: Loc) {
  const menu = await openMenu(page, locale);
  await menu.getByRole('link', { name: tx(locale, 'nav.due') }).click();
  await page.waitForURL(/\/due$/);
  await page
    .getByRole('link', { name: new RegExp(`^${YEAR[locale]} — `) })
    .first()
    .click();
  await page.waitForURL(new RegExp(`/periods/${periodIds[locale]}$`));
  await page.locator('tr[data-row]').first().waitFor();
}

/** Drafts stay in the browser until the server confirms them: none left means every change is saved. */
const allSaved = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nap-draft:')).length),
    )
    .toBe(0);

const card = (page: Page, code: string) => page.locator('tr[data-row]').filter({ hasText: code });
const state = (page: Page) => page.getByTestId('submission-state').textContent();

/** The element a finger on the control's centre would hit is the control itself (nothing overlaps it). */
const takesItsTap = (control: Locator) =>
  control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  });

/** The page is no wider than the phone: nothing scrolls sideways (with isMobile, an overflowing page
 * widens the layout viewport itself, so innerWidth is checked to be the phone's too). */
const widths = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

async function expectNoSidewaysScroll(page: Page, url: string, ready: string) {
  await page.goto(`${baseUrl}${url}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const w = await widths(page);
  expect(w.scroll, url).toBeLessThanOrEqual(PHONE.width);
  expect(w.inner, url).toBe(PHONE.width);
}

describe.each(LOCALES)('a period at 390 × 844 in %s', (locale) => {
  const t = (key: keyof Catalog, params?: Record<string, string>) => tx(locale, key, params);
  const T = TYPED[locale];

  // Two people's whole journey (sign-ins, a row saved, submitted, returned, corrected, approved): 44–53 s on
  // the 2-core CI machine with another browser file beside it; 60 s, the default, was exceeded once (CI of
  // 7 December, 12:23). An upper bound, not a budget.
  it('is entered, submitted, returned, corrected and approved through the UI', async () => {
    const focal = await phone();
    const f = focal.page;
    await f.goto(`${baseUrl}/sign-in`);
    await f.locator('main form').waitFor();
    await chooseLanguage(f, locale);
    expect(await f.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect((await widths(f)).scroll).toBeLessThanOrEqual(PHONE.width);
    await signInThroughMenu(f, locale, 'phone-focal@example.org');
    await openPeriod(f, locale);

    // The signed-in header on one line: brand and Menu button; the menu holds the links, account,
    // notices and language, each inside the screen.
    const menu = await openMenu(f, locale);
    for (const link of [t('nav.due'), t('nav.countries'), t('nav.signOut')]) {
      const box = await menu
        .getByRole(link === t('nav.signOut') ? 'button' : 'link', { name: link })
        .boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    }
    // The notices open inside the menu, within the screen.
    await menu.getByRole('button', { name: new RegExp(`^${CATALOGS[locale]['notices.button']}`) }).tap();
    await menu.locator('#notices-panel').waitFor();
    const panel = await menu.locator('#notices-panel').boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= PHONE.width).toBe(true);
    await shot(f, locale, '1-menu');
    // The open menu and the cards pass axe-core (WCAG 2.1 AA: no serious or critical violation).
    const axe = await new AxeBuilder({ page: f })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.passes.length).toBeGreaterThan(15);
    expect(
      axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id),
    ).toEqual([]);
    await f.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);

    // Each indicator is a card: status, value, comment and evidence, top to bottom in DOM order,
    // full width (no status menu shrunk to "["), and tapping the value lands in the value input.
    const pct = card(f, 'PH-PCT');
    const status = pct.getByRole('combobox', { name: t('grid.statusOf', { code: 'PH-PCT' }) });
    const value = pct.getByRole('textbox', { name: t('grid.valueOfPct', { code: 'PH-PCT' }) });
    const comment = pct.getByRole('textbox', { name: t('grid.commentOn', { code: 'PH-PCT' }) });
    const evidence = pct.locator('summary');
    await value.scrollIntoViewIfNeeded();
    const boxes = await Promise.all([status, value, comment, evidence].map((l) => l.boundingBox()));
    const tops = boxes.map((b) => b?.y ?? Number.NaN);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    for (const b of boxes.slice(0, 3)) expect(b?.width).toBeGreaterThan(250);
    for (const c of [status, value, comment]) expect(await takesItsTap(c)).toBe(true);
    await value.tap();
    expect(await value.evaluate((el) => el === document.activeElement)).toBe(true);
    await f.keyboard.type(T.pct);
    await allSaved(f);
    await pct.getByText(exact(t('grid.saved'))).waitFor();

    const num = card(f, 'PH-NUM');
    const numValue = num.getByRole('textbox', { name: t('grid.valueOf', { code: 'PH-NUM' }) });
    await numValue.tap();
    expect(await numValue.evaluate((el) => el === document.activeElement)).toBe(true);
    await f.keyboard.type(T.num);
    await allSaved(f);
    await num.getByText(exact(t('grid.saved'))).waitFor();
    await num.getByRole('textbox', { name: t('grid.commentOn', { code: 'PH-NUM' }) }).tap();
    await f.keyboard.type(locale === 'ar' ? 'من السجل الوطني' : 'National register');
    await allSaved(f);
    await num.getByText(exact(t('grid.saved'))).waitFor();
    await pct.scrollIntoViewIfNeeded();
    await shot(f, locale, '2-grid-phone');
    expect((await widths(f)).scroll).toBeLessThanOrEqual(PHONE.width);

    // The same grid at laptop width is the table, unchanged (same session, a wider window).
    const laptop = await browser.newContext({
      viewport: LAPTOP,
      storageState: await focal.context.storageState(),
    });
    const l = await laptop.newPage();
    await l.goto(`${baseUrl}/periods/${periodIds[locale]}`);
    const laptopValue = card(l, 'PH-PCT').getByRole('textbox', {
      name: t('grid.valueOfPct', { code: 'PH-PCT' }),
    });
    await expect.poll(() => laptopValue.inputValue()).not.toBe('');
    expect(await l.locator('table.entry-grid thead').isVisible()).toBe(true);
    const cells = await card(l, 'PH-PCT')
      .locator(':scope > *')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(cells).size).toBe(1); // one row: the cells side by side
    // The column headers do not run into each other (French ones are long).
    const heads = await l
      .locator('table.entry-grid thead th')
      .evaluateAll((ths) => ths.map((th) => ({ fits: th.scrollWidth <= th.clientWidth })));
    expect(heads.every((h) => h.fits)).toBe(true);
    await l.screenshot({ path: path.join(ARTEFACTS, `phone-${locale}-2-grid-laptop.png`) });
    await laptop.close();

    // Submit: the workflow bar's confirmation says what will happen.
    await f.getByRole('button', { name: exact(t('workflow.submit')) }).tap();
    const confirm = f.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(JORDAN[locale]);
    await shot(f, locale, '3-submit-confirm');
    await confirm.getByRole('button', { name: t('workflow.submitConfirm') }).tap();
    await expect.poll(() => state(f)).toBe(t('state.submitted'));

    // The validator returns it with a reason.
    const validator = await phone();
    const v = validator.page;
    await v.goto(baseUrl);
    await chooseLanguage(v, locale);
    await signInThroughMenu(v, locale, 'phone-validator@example.org');
    await openPeriod(v, locale);
    await expect.poll(() => state(v)).toBe(t('state.submitted'));
    await v.getByRole('button', { name: exact(t('workflow.return')) }).tap();
    await v.getByLabel(t('workflow.returnReason')).fill(locale === 'fr' ? 'Vérifier PH-PCT' : 'PH-PCT?');
    await v.getByRole('button', { name: t('workflow.returnConfirm') }).tap();
    await expect.poll(() => state(v)).toBe(t('state.returned'));
    expect((await widths(v)).scroll).toBeLessThanOrEqual(PHONE.width);

    // The focal point sees the reason, corrects the percentage and submits again.
    await f.reload();
    await expect.poll(() => state(f)).toBe(t('state.returned'));
    expect(await f.getByTestId('submission-state').locator('..').textContent()).toContain('PH-PCT');
    const again = card(f, 'PH-PCT').getByRole('textbox', { name: t('grid.valueOfPct', { code: 'PH-PCT' }) });
    await again.tap();
    await again.fill(T.fixed);
    await allSaved(f);
    await card(f, 'PH-PCT')
      .getByText(exact(t('grid.saved')))
      .waitFor();
    await f.getByRole('button', { name: exact(t('workflow.submit')) }).tap();
    await f
      .getByRole('alertdialog')
      .getByRole('button', { name: t('workflow.submitConfirm') })
      .tap();
    await expect.poll(() => state(f)).toBe(t('state.submitted'));

    // The validator approves.
    await v.reload();
    await v.getByRole('button', { name: exact(t('workflow.approve')) }).tap();
    await v
      .getByRole('alertdialog')
      .getByRole('button', { name: t('workflow.approveConfirm') })
      .tap();
    await expect.poll(() => state(v)).toBe(t('state.approved'));
    await v.locator('tr[data-row]').first().scrollIntoViewIfNeeded();
    await shot(v, locale, '4-validator-approved');

    await f.reload();
    await expect.poll(() => state(f)).toBe(t('state.approved'));
    const stored = card(f, 'PH-PCT').getByRole('textbox', { name: t('grid.valueOfPct', { code: 'PH-PCT' }) });
    expect(await stored.isDisabled()).toBe(true);
    expect(await stored.inputValue()).toMatch(T.fixedShown);

    expect([...focal.errors, ...validator.errors]).toEqual([]);
    await focal.context.close();
    await validator.context.close();
  }, 180_000);

  it('scrolls no main page sideways, signed in', async () => {
    const { context, page, errors } = await phone();
    await page.goto(`${baseUrl}/sign-in`);
    await chooseLanguage(page, locale);
    await expectNoSidewaysScroll(page, '/sign-in', 'main form');
    await signInThroughMenu(page, locale, 'phone-focal@example.org');
    const pages: [string, string][] = [
      ['/', 'main h1'],
      ['/countries', 'main table tbody tr'],
      ['/countries/JOR', '[data-testid="compare-chart"]'],
      ['/compare?country=EGY&groupType=who_region&group=EMR', 'main table tbody tr'],
      ['/compare/heatmap?groupType=income_group&group=LIC&sort=score', 'table.heatmap tbody tr'],
      ['/due', 'main table tbody tr'],
      [`/periods/${periodIds[locale]}`, 'tr[data-row]'],
      ['/learning', 'main h1'],
    ];
    for (const [url, ready] of pages) await expectNoSidewaysScroll(page, url, ready);
    expect(errors).toEqual([]);
    await context.close();
  });
});
