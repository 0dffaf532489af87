import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let planId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'e2e-planner@example.org', [role('focal_point', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  planId = await jordanPlanId(database);
});

afterAll(() => stopServing({ browser, app, database }));

describe('a focal point edits the plan in the browser', () => {
  it('creates an activity, changes it and sees both changes in its history', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/countries/JOR/plan')}`);
    await page.getByLabel('Email').fill('e2e-planner@example.org');
    await page.getByLabel('Password').fill('a long test password 42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Edit this plan' }).first().click();
    await page.waitForURL(new RegExp(`/plans/${planId}/edit$`));

    const create = page.getByRole('form', { name: 'New activity' });
    await create.getByLabel('Code').fill('9.9');
    await create.getByLabel('Title').fill('Train hospital pharmacists in stewardship');
    await create.getByLabel('Human health').check();
    await create.getByLabel('Budget').fill('12000');
    await create.getByLabel('Currency').fill('USD');
    await create.getByRole('button', { name: 'Add activity' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Train hospital pharmacists in stewardship' });
    await item.waitFor();

    await item.getByRole('button', { name: 'Edit activity 9.9' }).click();
    const edit = page.getByRole('form', { name: 'Edit activity 9.9' });
    await edit.getByLabel('Status').selectOption('ongoing');
    await edit.getByLabel('% complete').fill('40');
    await edit.getByRole('button', { name: 'Save activity' }).click();
    await item
      .locator('p')
      .filter({ hasText: /Ongoing, 40 %/ })
      .waitFor();

    await item.getByRole('button', { name: 'History' }).click();
    const history = item.getByRole('table', { name: 'History of activity 9.9' });
    await history.waitFor();
    await history.getByText('implementationStatus: not_started → ongoing').waitFor();
    await history.getByText('percentComplete: 0 → 40').waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2); // the creation and the change
    await page.screenshot({ path: path.join(ARTEFACTS, 'plan-edit-history.png'), fullPage: true });

    // The plan page shows the new activity with its status, under its objective (folded: open it), among
    // the activities placed under no intervention.
    await page.goto(`${baseUrl}/countries/JOR/plan`);
    await page
      .locator('summary')
      .filter({ hasText: /^Objective 1: / })
      .first()
      .click();
    const row = page
      .getByRole('table', { name: 'Activities not placed under an intervention (1)' })
      .getByRole('row')
      .filter({ hasText: '9.9' });
    await row.getByText('Ongoing').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
