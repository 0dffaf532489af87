import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { parseCsv } from '../../server/lib/spreadsheet';
import { EXPORT_COLUMNS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

describe('exports in the browser', () => {
  it('the data export page: pick Jordan, download the CSV through the Export menu', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Data export' }).click();
    await page.getByRole('heading', { name: 'Data export', level: 1 }).waitFor();
    await page.getByLabel('Countries', { exact: true }).fill('Jordan');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('list', { name: 'Chosen countries' }).getByText('Jordan (JOR)').waitFor();
    expect(page.url()).toContain('countries=JOR');
    await page.getByLabel('Framework').selectOption('tracss-2019-2020');
    await page.getByRole('button', { name: /Export/ }).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'exports-page-menu.png') });
    // The page and its open menu meet WCAG 2.1 AA as axe checks it.
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('menuitem', { name: /^CSV/ }).click(),
    ]);
    const saved = path.join(ARTEFACTS, 'export-jordan.csv');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^nap-JOR-tracss-2019-2020-\d{4}-\d{2}-\d{2}\.csv$/);
    const [head, ...rows] = parseCsv(readFileSync(saved, 'utf8')).filter((r) => r.length > 1);
    expect(head).toEqual([...EXPORT_COLUMNS]);
    expect(rows.length).toBeGreaterThan(20);
    const at = (name: string) => (head ?? []).indexOf(name);
    for (const r of rows) {
      expect(r[at('country')]).toBe('JOR');
      expect(r[at('framework')]).toBe('tracss-2019-2020');
    }
    const q41 = rows.find((r) => r[at('indicator')] === '4.1');
    expect(q41?.[at('country_name')]).toBe('Jordan');
    expect(q41?.[at('level')]).toMatch(/^[A-E]$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Export menu of a country page works from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/countries/JOR`);
    await page.getByRole('heading', { name: 'Jordan', level: 1 }).waitFor();
    const button = page.getByRole('button', { name: /Export/ });
    await button.focus();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const items = page.getByRole('menuitem');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^CSV/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Excel/);
    await page.keyboard.press('End');
    const last = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(last).toMatch(/^\/api\/reports\/country\/JOR\?lang=en$/);
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '/api/exports/values?format=csv&countries=JOR',
    );
    expect(await items.count()).toBe(5);
    await page.screenshot({ path: path.join(ARTEFACTS, 'exports-country-menu.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Export/);
    await page.close();
  });

  it('a comparison page’s menu carries its group over to the data and the comparison report', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/compare/heatmap?groupType=income_group&group=LIC`);
    await page.getByRole('button', { name: /Export/ }).click();
    const hrefs = await page
      .getByRole('menuitem')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs[0]).toContain('groupType=income_group&group=LIC');
    expect(hrefs).toContain(
      '/api/reports/comparison?format=pdf&groupType=income_group&group=LIC&framework=tracss-2019-2020&case=JOR&lang=en',
    );
    await page.close();
  });
});
