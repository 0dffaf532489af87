import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = path.resolve('test-results/e2e');
export const CLIENT_DIST = path.resolve('dist/client');

/** Debian's Chromium, never a downloaded browser (see CONTRIBUTING.md: tests). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error('No client build in dist/client: run `npm run build` first (npm run test:e2e does)');
  }
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Pixels of the canvas that are neither transparent nor white: a drawn chart has many. */
export async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) n++;
    }
    return n;
  });
}

/** The text of every body row of a table, cell by cell (row header first). */
export async function tableRows(page: Page, name: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
    );
}

/** A new page at baseUrl + url that collects page errors and console errors (a test expects none). */
export async function openPage(browser: Browser, baseUrl: string, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}${url}`);
  return { page, errors };
}

/** The app with the built client on a test database, on a free loopback port, and Chromium to drive it. */
export async function serveForBrowser(database: Database) {
  const app = await buildApp({ database, clientDistDir: CLIENT_DIST });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return { app, baseUrl, browser };
}

/** Closes what serveForBrowser and the test opened (any of them may be missing after a failed setup). */
export async function stopServing(s: { browser?: Browser; app?: FastifyInstance; database?: Database }) {
  await s.browser?.close();
  await s.app?.close();
  await s.database?.close();
}
