import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing, tableRows } from './browser';

/*
 * Jordan's plan page with the plan as shipped (transcribed from the NAP 2018–2022): the published
 * rates with their source, the budget by plan year, the interventions with their activities and the
 * M&E plan, on a desktop and on a phone (390 px: nothing scrolls sideways but a table's own frame).
 */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});
afterAll(() => stopServing({ browser, app, database }));

async function open(width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}/countries/JOR/plan`);
  await page.getByRole('table', { name: /Strategic objectives/ }).waitFor();
  return { page, errors, close: () => context.close() };
}

const openFolds = async (page: Page, title: RegExp) => {
  for (const s of await page.locator('summary').filter({ hasText: title }).all()) await s.click();
};

describe("Jordan's plan page", () => {
  it('shows the published rates with their source, the budget by year, the structure and the M&E plan', async () => {
    const { page, errors, close } = await open(1280);
    const objectives = await tableRows(page, /Strategic objectives/);
    expect(objectives).toHaveLength(5);
    // Computed rate "—" (no activity status was published), then the evaluation's figure, labelled.
    expect(objectives[0]?.slice(-2)).toEqual(['—', '47 % Published, end-term evaluation']);
    expect(objectives[4]?.at(-1)).toBe(
      'not implemented (the evaluation reports no percentage) Published, end-term evaluation',
    );
    await page.getByText(/^Published implementation rates: End-term evaluation: Momani S\./).waitFor();
    const budget = await tableRows(page, /Budget by objective and year of the plan/);
    expect(budget[0]).toEqual([
      '1',
      'USD 158,150',
      'USD 170,450',
      'USD 181,900',
      'USD 64,900',
      'USD 67,400',
      'USD 642,800',
    ]);
    await page.getByText(/^Source: Jordan NAP 2018–2022, ch\. 5/).waitFor();

    await openFolds(page, /^Objective 2: /);
    const activities = await tableRows(page, /^Intervention 2\.2\.1: Activities$/);
    const glass = activities.find((r) => r[1] === 'Participating in GLASS');
    expect(glass).toEqual(['A2.24', 'Participating in GLASS', 'Ongoing', 'NCC', 'Not reported']);
    const me = await tableRows(page, /^Indicators measuring: Reviewing and modify TORs$/);
    expect(me[0]).toEqual([
      'ME-2.02 ToR Modified',
      'Defining work',
      'First Quarter of 2018 to be reviewed every 2 years',
      'Official notification',
      'Report',
      'TORs of National Committee developed and disseminated',
      'No data',
    ]);
    expect(await page.getByText('Illustrative', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'jordan-plan-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  it('at 390 px the page does not scroll sideways, and activities and indicators read as cards', async () => {
    const { page, errors, close } = await open(390);
    await openFolds(page, /^Objective 1: /);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    // A card: the column names are on the cells, the header row is out of sight.
    const table = page.getByRole('table', { name: /^Indicators measuring: Improve awareness and change/ });
    const header = await table.locator('thead').boundingBox();
    expect(header === null || header.height <= 1).toBe(true);
    const frame = await table.evaluate((t) => {
      const scroller = t.closest('.table-scroll') as HTMLElement;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(frame.scroll).toBeLessThanOrEqual(frame.client + 1);
    await page.screenshot({ path: path.join(ARTEFACTS, 'jordan-plan-390.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
