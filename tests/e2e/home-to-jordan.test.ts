import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, CLIENT_DIST, paintedPixels, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

describe('a newcomer reaches Jordan from the home page', () => {
  it('home → Jordan: the comparison chart draws and the TrACSS profile shows', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(baseUrl);
    await page
      .getByRole('link', { name: /jordan/i })
      .first()
      .click();
    await page.waitForURL(/\/countries\/JOR$/);

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Jordan/);
    const profile = page.getByRole('table', { name: /TrACSS 2019–2020 profile/ });
    await profile.waitFor();
    // Jordan answered all 23 A–E questions; 4.1 was level B.
    const row41 = profile
      .getByRole('row')
      .filter({ hasText: 'Multi-sector and One Health collaboration/coordination' });
    await expect.poll(() => row41.first().textContent()).toMatch(/B/);
    expect(await profile.getByRole('row').count()).toBeGreaterThanOrEqual(24);

    const chart = page.getByTestId('compare-chart');
    await chart.waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="compare-chart"]'), { timeout: 10_000 })
      .toBeGreaterThan(2000);

    await page.screenshot({ path: path.join(ARTEFACTS, 'jordan.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the early script (client/early.ts)', () => {
  it("is the built page's first script, a deferred module (an async one Chromium runs late)", () => {
    const html = readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(2);
    const [early, entry] = scripts as [string, string];
    expect(early).toMatch(/src="\/assets\/early-[\w-]+\.js"/);
    expect(early).toMatch(/type="module"/);
    expect(early).not.toMatch(/\basync\b/);
    expect(entry).toMatch(/src="\/assets\/index-[\w-]+\.js"/);
  });

  it("asks for a cold page's answers before the app's own code has asked for the page", async () => {
    // A fresh context: nothing cached, no service worker.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/countries/JOR`);
      await page.getByTestId('compare-chart').waitFor();
      const started = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => ({ path: new URL(e.name).pathname, at: e.startTime })),
      );
      const at = (pattern: RegExp) => started.find((e) => pattern.test(e.path))?.at;
      const answers = at(/^\/api\/countries\/JOR$/);
      const pageCode = at(/^\/assets\/country-[\w-]+\.js$/);
      expect(answers).toBeDefined();
      expect(pageCode).toBeDefined();
      // The early script asks for the answers, then imports the page's code. When the app's entry ran
      // first (the async script, put off by Chromium), its router asked for the code first, 117 ms
      // before the answers in one of five such visits (the others passed).
      expect(answers as number).toBeLessThanOrEqual(pageCode as number);
    } finally {
      await context.close();
    }
  });
});
