import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, paintedPixels, serveForBrowser, stopServing } from './browser';

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
