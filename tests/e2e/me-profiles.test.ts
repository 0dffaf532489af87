import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role } from '../server/support/auth';
import { openPdf, pageTexts } from '../server/support/reports-pdf';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'me-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'me-validator@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'me-facilitator@example.org', [role('facilitator')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

async function pageAs(email: string | null, next: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (!email) {
    await page.goto(`${baseUrl}${next}`);
    return { page, errors };
  }
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long test password 42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
  return { page, errors };
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, name), fullPage: true });
const governance = (page: Page) =>
  page.getByRole('region', { name: '4. Roles, responsibilities and governance' });

describe("Jordan's M&E system profile", () => {
  it('on a fresh start shows only sourced content: every answer cites a numbered source listed below it', async () => {
    const { page, errors } = await pageAs(null, '/countries/JOR/me-profile');
    await governance(page).getByText('Multisectoral committee').waitFor();
    const answers = await page.locator('.me-section dl.me-fields > div').evaluateAll((rows) =>
      rows.map((r) => ({
        field: r.querySelector('dt')?.textContent ?? '',
        cites: [...r.querySelectorAll('dd .cites a')].map((a) => a.getAttribute('href') ?? ''),
      })),
    );
    expect(answers.length).toBeGreaterThan(10);
    for (const a of answers) {
      expect(a.cites.length, a.field).toBeGreaterThan(0);
      for (const href of a.cites) expect(await page.locator(href).count(), `${a.field} ${href}`).toBe(1);
    }
    // Fields no source answers are left out, not filled in: the plan states no M&E questions.
    expect(
      await page.getByRole('region', { name: '2. M&E questions' }).getByText('M&E questions defined').count(),
    ).toBe(0);
    expect(await page.getByText('Published', { exact: false }).count()).toBeGreaterThan(0);
    await shot(page, 'me-profile-1-jordan-published.png');
    expect(errors).toEqual([]);
  });

  it('a focal point fills and submits a section, the validator approves it, and the facilitator sees it side by side and in the briefing pack', async () => {
    // The focal point adds the sectors with a focal point, citing the plan's Annex 1.
    const focal = await pageAs('me-focal@example.org', '/countries/JOR/me-profile');
    const f = focal.page;
    const section = governance(f);
    await section.getByRole('button', { name: /^Edit/ }).click();
    const form = f.getByRole('form', { name: /^Edit “4\. Roles/ });
    const sectors = form.getByRole('group', { name: 'Sectors with a focal point' });
    await sectors.getByLabel('Human health').check();
    await sectors.getByLabel('Terrestrial animal health').check();
    await form
      .getByRole('group', { name: 'Sources for “Sectors with a focal point”' })
      .getByRole('checkbox')
      .first()
      .check();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await section.getByText(/saved\. Submit it when it is ready/).waitFor();
    await section.getByRole('button', { name: /^Submit/ }).click();
    const ask = f.getByRole('alertdialog', {
      name: /^Submit “4\. Roles, responsibilities and governance” of Jordan’s profile/,
    });
    await ask.getByRole('button', { name: 'Submit to the validator' }).click();
    await section.getByText(/was submitted to the validator/).waitFor();
    await shot(f, 'me-profile-2-focal-submitted.png');

    // The public does not see the submitted draft.
    const visitor = await pageAs(null, '/learning');
    await visitor.page.getByRole('table', { name: /side by side/ }).waitFor();
    expect(
      await visitor.page
        .getByRole('table', { name: /side by side/ })
        .getByText('Terrestrial animal health')
        .count(),
    ).toBe(0);

    // The validator reads the draft and approves it.
    const validator = await pageAs('me-validator@example.org', '/countries/JOR/me-profile');
    const v = validator.page;
    await governance(v)
      .getByRole('button', { name: /^Approve/ })
      .click();
    await v
      .getByRole('alertdialog', { name: /^Approve “4\. Roles/ })
      .getByRole('button', { name: 'Approve and publish' })
      .click();
    await governance(v)
      .getByText(/was approved and is now public/)
      .waitFor();
    await expect.poll(() => governance(v).getByText('Terrestrial animal health').count()).toBeGreaterThan(0);
    await shot(v, 'me-profile-3-validator-approved.png');

    // The facilitator: side by side, the approved answer in Jordan's column, marked national.
    const facilitator = await pageAs('me-facilitator@example.org', '/learning');
    const p = facilitator.page;
    const table = p.getByRole('table', { name: /side by side/ });
    await table.getByText('Terrestrial animal health').waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Sectors with a focal point' });
    expect(await row.textContent()).toMatch(/Human health/);
    await shot(p, 'me-profile-4-side-by-side.png');

    // A briefing session for the Eastern Mediterranean with Jordan as the case study, and its pack.
    await p.goto(`${baseUrl}/briefings/new`);
    await p.getByLabel('Title').fill('Governments cluster: M&E deep dive');
    await p.getByRole('button', { name: 'Create the session' }).click();
    await p.waitForURL(/\/briefings\/\d+$/);
    await p.getByRole('button', { name: 'Make PDF pack' }).click();
    const link = p.getByRole('link', { name: /^Download the PDF pack/ });
    await link.waitFor({ timeout: 60_000 });
    const href = await link.getAttribute('href');
    const res = await p.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/application\/pdf/);
    const bytes = await res.body();
    writeFileSync(path.join(ARTEFACTS, 'me-briefing-pack.pdf'), bytes);
    await shot(p, 'me-profile-5-briefing-session.png');

    const text = (await pageTexts(await openPdf(bytes))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Governments cluster: M&E deep dive');
    expect(text).toContain('4. Roles, responsibilities and governance');
    expect(text).toContain('Terrestrial animal health');
    expect(text).toContain('National Action Plan for Combating Antimicrobial Resistance');
    expect([...focal.errors, ...validator.errors, ...facilitator.errors]).toEqual([]);
  }, 180_000);
});
