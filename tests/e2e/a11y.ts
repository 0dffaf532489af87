import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { addNationalIndicator, addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { serveForBrowser, stopServing } from './browser';

/**
 * axe-core on every main page, in English and in Arabic (right to left): no serious or critical
 * violation of WCAG 2.1 A/AA. Anonymous pages first, then the focal point's and the administrator's.
 * One file per language (a11y-en, a11y-ar), so that the two run side by side.
 */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;

const PUBLIC_PAGES = [
  '/',
  '/countries',
  '/countries/JOR',
  '/compare?country=JOR&groupType=who_region&group=EMR',
  '/compare/heatmap?groupType=who_region&group=EMR',
  '/compare/map?groupType=all',
  '/compare/change?groupType=who_region&group=EMR',
  '/compare/indicators?groupType=all',
  '/groups?groupType=who_region&group=EMR',
  '/targets',
  '/sign-in',
  '/exports',
];
const FOCAL_PAGES = () => ['/due', `/periods/${periodId}`, '/countries/JOR/plan', '/account/tokens'];
const ADMIN_PAGES = ['/admin/users', '/admin/import'];

/** The server, Chromium and the signed-in users the audits need; returns how to close them. */
export async function openAudits() {
  database = await openTestDatabase();
  await makeUser(database, 'a11y-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'a11y-admin@example.org', [role('admin')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'a11y-focal@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'A11Y-PCT', 'percentage');
  periodId = (await addPeriod(app, focal, planId, 2023, '2099-03-31')).id;
  return () => stopServing({ browser, app, database });
}

/** A browser whose language is `locale` (the first visit picks the interface language from it). */
export async function contextFor(locale: 'en' | 'ar', email?: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: locale === 'ar' ? 'ar-JO' : 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  if (email) {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('a long test password 42');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.close();
  }
  return context;
}

interface Finding {
  page: string;
  rule: string;
  impact: string | null | undefined;
  nodes: string[];
}

async function audit(page: Page, url: string): Promise<Finding[]> {
  await page.goto(`${baseUrl}${url}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Charts and lazy sections settle after the data arrives: audit the page once no loading
  // placeholder (LoadingState, client/components/ui) is left, not a half-drawn one.
  await expect.poll(() => page.locator('.loading[role="status"]').count(), { timeout: 15_000 }).toBe(0);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // A page that rendered has dozens of passing checks; a blank one would pass vacuously.
  expect(result.passes.length, url).toBeGreaterThan(15);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: url,
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
}

/** What axe-core finds on the public pages in this language (and the page's lang and dir). */
export async function auditPublicPages(locale: 'en' | 'ar') {
  const context = await contextFor(locale);
  const page = await context.newPage();
  const findings: Finding[] = [];
  for (const url of PUBLIC_PAGES) findings.push(...(await audit(page, url)));
  const langDir = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  await context.close();
  return { findings, langDir };
}

/** What axe-core finds on the focal point's and the administrator's pages in this language. */
export async function auditSignedInPages(locale: 'en' | 'ar') {
  const findings: Finding[] = [];
  const focal = await contextFor(locale, 'a11y-focal@example.org');
  const page = await focal.newPage();
  for (const url of FOCAL_PAGES()) findings.push(...(await audit(page, url)));
  await focal.close();
  const admin = await contextFor(locale, 'a11y-admin@example.org');
  const adminPage = await admin.newPage();
  for (const url of ADMIN_PAGES) findings.push(...(await audit(adminPage, url)));
  await admin.close();
  return findings;
}

/** The tests of one language. */
export function describeAudits(locale: 'en' | 'ar') {
  let close: () => Promise<void>;
  beforeAll(async () => {
    close = await openAudits();
  });
  afterAll(() => close?.());

  if (locale === 'en')
    it('the check does catch a violation (an unlabelled field, an image without a text alternative)', async () => {
      const context = await contextFor('en');
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.locator('h1').first().waitFor();
      await page.evaluate(() => {
        const main = document.querySelector('main');
        main?.insertAdjacentHTML('beforeend', '<input type="text"><img src="/logo.png">');
      });
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      await context.close();
      expect(result.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['label', 'image-alt']));
    });

  describe(`accessibility (axe-core, WCAG 2.1 AA) in ${locale}`, () => {
    it('public pages have no serious or critical violation', async () => {
      const { findings, langDir } = await auditPublicPages(locale);
      expect(langDir).toEqual(locale === 'ar' ? ['ar', 'rtl'] : ['en', 'ltr']);
      expect(findings).toEqual([]);
      // Twelve pages, each loaded and audited: a minute is too short on a busy machine.
    }, 180_000);

    it('the focal point’s and the administrator’s pages have none either', async () => {
      expect(await auditSignedInPages(locale)).toEqual([]);
    }, 180_000);
  });
}
