import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role, signIn } from '../server/support/auth';
import { followTracssQuestions, jordanPlanId } from '../server/support/plans';
import { addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing, tableRows } from './browser';

/*
 * Trust in the numbers, in the browser: Jordan's focal point records the country's own assessment
 * of TrACSS 9.1 (D) for 2020, a validator approves it, and an anonymous visitor of Jordan's page
 * sees the published TrACSS 2019–2020 answer (C) and the approved national report (D) side by side,
 * each labelled with its source. The published answer is unchanged.
 */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'src-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'src-validator@example.org', [role('validator', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'src-focal@example.org');
  // Jordan reports its own assessment of TrACSS 9.1 through its plan (linked here: the shipped plan
  // follows no TrACSS question).
  const planId = await jordanPlanId(database);
  await followTracssQuestions(database, planId, [{ code: '9.1' }]);
  periodId = (await addPeriod(app, focal, planId, 2020, '2099-03-31')).id;
});

afterAll(() => stopServing({ browser, app, database }));

/** A browser context of its own (its own cookies), with page errors and console errors collected. */
async function newPage(width: number, height = 1000) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

async function signedIn(email: string, next: string) {
  const p = await newPage(1280);
  await p.page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await p.page.getByLabel('Email').fill(email);
  await p.page.getByLabel('Password').fill('a long test password 42');
  await p.page.getByRole('button', { name: 'Sign in' }).click();
  await p.page.waitForURL(new RegExp(`${next}$`));
  return p;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, name), fullPage: true });
const state = (page: Page) => page.getByTestId('submission-state').textContent();

/** The profile row of a question, by its code. */
function profileRowOf(page: Page, code: string) {
  return page
    .getByRole('table', { name: 'TrACSS 2019–2020 profile' })
    .getByRole('row')
    .filter({ has: page.locator('code', { hasText: new RegExp(`^${code}$`) }) });
}

/** The profile row of a question, by its code: each cell as its parts (letter, badges, wording). */
async function profileRow(page: Page, code: string): Promise<string[][]> {
  const row = profileRowOf(page, code);
  await row.waitFor();
  return row.locator('th, td').evaluateAll((cells) =>
    cells.map((c) =>
      Array.from(c.childNodes)
        .map((n) => (n.textContent ?? '').trim())
        .filter(Boolean),
    ),
  );
}

describe('a national report beside the published answer', () => {
  it("the focal point's approved assessment of 9.1 (D) shows beside the published answer (C), each labelled", async () => {
    // Before: the public sees the published answer only.
    const before = await newPage(1280);
    await before.page.goto(`${baseUrl}/countries/JOR`);
    const [, , published91] = await profileRow(before.page, '9.1');
    expect(published91?.[0]).toBe('C');
    await before.page.getByText('Jordan has no national report on these questions yet').first().waitFor();

    // The focal point enters Jordan's own assessment of 9.1 for 2020, the published answer beside it.
    const focal = await signedIn('src-focal@example.org', `/periods/${periodId}`);
    const f = focal.page;
    await f.getByRole('heading', { name: 'JOR — reporting period 2020' }).waitFor();
    const row91 = f.getByRole('row').filter({ has: f.getByRole('combobox', { name: 'Level of 9.1' }) });
    // The published answer for reference under the question: C, its source, what C means.
    const note = row91.getByRole('rowheader').getByRole('paragraph');
    await expect
      .poll(() => note.locator(':scope > *').allTextContents())
      .toEqual(['C', 'Published, TrACSS 2019–2020', expect.stringMatching(/^Practices to assure/)]);
    await f.getByRole('combobox', { name: 'Level of 9.1' }).selectOption('D');
    await row91.getByText('Saved').waitFor();
    await shot(f, 'sources-1-focal-entered.png');
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByRole('button', { name: 'Yes, submit' }).click();
    await expect.poll(() => state(f)).toMatch(/^Submitted/);
    await f.getByText(/^Submitted on .* — locked until a validator returns it\./).waitFor();
    expect(await f.getByRole('combobox', { name: 'Level of 9.1' }).isDisabled()).toBe(true);

    // Another person approves it.
    const validator = await signedIn('src-validator@example.org', `/periods/${periodId}`);
    const v = validator.page;
    await expect.poll(() => state(v)).toMatch(/^Submitted/);
    await v.getByRole('button', { name: 'Approve' }).click();
    await v.getByRole('button', { name: 'Yes, approve' }).click();
    await expect.poll(() => state(v)).toBe('Approved (locked)');

    // An anonymous visitor of Jordan's page: both answers, each with its source.
    const visitor = await newPage(1280);
    const page = visitor.page;
    await page.goto(`${baseUrl}/countries/JOR`);
    const table = page.getByRole('table', { name: 'TrACSS 2019–2020 profile' });
    await table.getByRole('columnheader', { name: 'Latest national report' }).waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      'Code',
      'Indicator',
      'Published, TrACSS 2019–2020',
      'Latest national report',
      'Sector',
    ]);
    const [code, , published, national] = await profileRow(page, '9.1');
    expect(code).toEqual(['9.1']);
    expect(published?.slice(0, 2)).toEqual(['C', 'Published, TrACSS 2019–2020']);
    expect(national?.slice(0, 3)).toEqual(['D', 'Period 2020', 'National report, approved']);
    // Each answer with what its level means (the question's own wording of C and of D).
    expect(published?.[2]).toMatch(/^Practices to assure appropriate antimicrobial use/);
    expect(national?.[3]).toMatch(/\w/);
    expect(national?.[3]).not.toBe(published?.[2]);
    // A question Jordan did not report on nationally keeps its published answer alone.
    const [, , published41, national41] = await profileRow(page, '4.1');
    expect(published41?.[0]).toBe('B');
    expect(published41).not.toContain('Published, TrACSS 2019–2020');
    expect(national41).toEqual(['No report']);
    await page.getByText(/Published answers are the official TrACSS 2019–2020 answers/).waitFor();
    // The row of 9.1 in the middle of the window: both answers and their labels in one picture.
    await profileRowOf(page, '9.1').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(ARTEFACTS, 'sources-2-jordan-side-by-side.png') });
    await shot(page, 'sources-3-jordan-full.png');

    // Comparisons use the published round unless asked for national reports, and say which.
    const jordan91 = async () => {
      const rows = await tableRows(page, /^Jordan compared with the Eastern Mediterranean Region/);
      return rows.find((r) => r[0]?.startsWith('9.1 '))?.[1];
    };
    await page.goto(`${baseUrl}/compare?country=JOR&groupType=who_region&group=EMR`);
    expect(await jordan91()).toBe('C');
    await page.getByText(/^Data: the published TrACSS 2019–2020 answers\./).waitFor();
    await page.getByRole('radio', { name: 'National reports' }).check();
    await page.waitForURL(/source=national/);
    await page
      .getByText(/^Data: each country’s latest national report on the TrACSS 2019–2020 questions/)
      .waitFor();
    await expect.poll(jordan91).toBe('D');
    await shot(page, 'sources-6-compare-national.png');

    expect([...before.errors, ...focal.errors, ...validator.errors, ...visitor.errors]).toEqual([]);
  });

  it('at 390 px, the country page does not scroll sideways', async () => {
    const { page, errors } = await newPage(390, 844);
    await page.goto(`${baseUrl}/countries/JOR`);
    await page.getByRole('table', { name: 'TrACSS 2019–2020 profile' }).waitFor();
    await page.getByRole('columnheader', { name: 'Latest national report' }).waitFor();
    await page.getByTestId('compare-chart').waitFor();
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    await shot(page, 'sources-4-jordan-390px.png');
    // The profile at phone width: the table scrolls inside its own box, the page does not.
    await profileRowOf(page, '9.1').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(ARTEFACTS, 'sources-5-jordan-390px-profile.png') });
    expect(widths.viewport).toBe(390);
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    expect(widths.body).toBeLessThanOrEqual(widths.viewport);
    expect(errors).toEqual([]);
  });
});
