import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { addNationalIndicator, addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'e2e-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'e2e-validator@example.org', [role('validator', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'e2e-focal@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'E-PCT', 'percentage');
  await addNationalIndicator(app, focal, planId, 'E-RATIO', 'ratio');
  periodId = (await addPeriod(app, focal, planId, 2022, '2099-03-31')).id;
});

afterAll(() => stopServing({ browser, app, database }));

async function signedInPage(email: string, next: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long test password 42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`${next.replace('/', '\\/')}$`));
  return { page, errors };
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, name), fullPage: true });
const state = (page: Page) => page.getByTestId('submission-state').textContent();
const row = (page: Page, code: string) => page.getByRole('row').filter({ hasText: code });

describe('a focal point and a validator take a period from empty to approved', () => {
  it('enters, submits, is returned with a reason, fixes, resubmits and is approved', async () => {
    const focal = await signedInPage('e2e-focal@example.org', '/due');
    const f = focal.page;
    await f.getByRole('link', { name: /2022 — National Action Plan/ }).click();
    await f.getByRole('heading', { name: 'JOR — reporting period 2022' }).waitFor();
    await f.getByRole('textbox', { name: 'Value of E-PCT (%)' }).fill('45');
    await row(f, 'E-PCT').getByText('Saved').waitFor();
    await f.getByRole('combobox', { name: 'Status of E-RATIO' }).selectOption('no_data');
    await f.getByRole('textbox', { name: 'Reason for no data of E-RATIO' }).fill('Survey postponed to 2023');
    await row(f, 'E-RATIO').getByText('Saved').waitFor();
    await shot(f, 'workflow-1-focal-entered.png');
    await f.getByRole('button', { name: 'Submit' }).click();
    await f
      .getByRole('alertdialog', { name: /^Submit 2 values for Jordan 2022 to the validator\?$/ })
      .waitFor();
    await f.getByRole('button', { name: 'Yes, submit' }).click();
    await expect.poll(() => state(f)).toMatch(/^Submitted/);

    const validator = await signedInPage('e2e-validator@example.org', `/periods/${periodId}`);
    const v = validator.page;
    await expect.poll(() => state(v)).toMatch(/^Submitted/);
    await v.getByRole('button', { name: 'Return' }).click();
    await v.getByRole('button', { name: 'Return with this reason' }).click();
    await v.getByText('Write the reason first').waitFor();
    await v.getByLabel('What should they correct?').fill('45 % looks too low: check the 2022 survey');
    await shot(v, 'workflow-2a-validator-return-reason.png');
    await v.getByRole('button', { name: 'Return with this reason' }).click();
    await expect.poll(() => state(v)).toMatch(/^Returned/);
    await shot(v, 'workflow-2-validator-returned.png');

    await f.goto(`${baseUrl}/due`);
    // The notice is worded from its code in the reader's language; names sit in directional isolates.
    await f
      .getByText(/returned for correction by \u2068?e2e-validator\u2069?\. Reason: \u2068?45 % looks too low/)
      .waitFor();
    await f.getByRole('link', { name: /2022 — National Action Plan/ }).click();
    await expect.poll(() => f.getByText(/reason: 45 % looks too low/).count()).toBe(1);
    await f.getByRole('textbox', { name: 'Value of E-PCT (%)' }).fill('55');
    await row(f, 'E-PCT').getByText('Saved').waitFor();
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByRole('button', { name: 'Yes, submit' }).click();
    await expect.poll(() => state(f)).toMatch(/^Submitted/);

    await v.reload();
    await v.getByRole('button', { name: 'Approve' }).click();
    await v.getByRole('button', { name: 'Yes, approve' }).click();
    await expect.poll(() => state(v)).toBe('Approved (locked)');
    // The period's history lists the approval once, and the corrected value in words: the field's label,
    // 45 % → 55 %, from the grid, in the submission after the return.
    const history = v.getByRole('table', { name: 'History of period 2022' });
    const approvals = history.getByRole('row').filter({ hasText: 'Approved' });
    await expect.poll(() => approvals.count()).toBe(1);
    expect(await approvals.getByText('In the app').count()).toBe(1);
    const corrected = history.getByRole('row').filter({ hasText: 'Value: 45 % → 55 %' });
    expect(await corrected.count()).toBe(1);
    expect(await corrected.getByText('Data-entry grid').count()).toBe(1);
    expect(await corrected.getByText(/^Submission 2, after the return of /).count()).toBe(1);
    expect(await history.textContent()).not.toMatch(/numericValue|state: /);
    await shot(v, 'workflow-3-validator-approved.png');
    await history.screenshot({ path: path.join(ARTEFACTS, 'workflow-history-en.png') });
    // The same history in French and Arabic: labels, numbers and dates in the reader's language.
    await v.getByLabel('Language').selectOption('fr');
    const historique = v.getByRole('table', { name: 'Historique de période 2022' });
    await historique.getByRole('row').filter({ hasText: 'Valeur\u00a0: 45\u202f% → 55\u202f%' }).waitFor();
    await historique.screenshot({ path: path.join(ARTEFACTS, 'workflow-history-fr.png') });
    await v.getByLabel('Langue').selectOption('ar');
    const arabic = v.getByRole('table', { name: 'سجل الفترة 2022' });
    await arabic.getByRole('row').filter({ hasText: 'القيمة: 45٪ ← 55٪' }).waitFor();
    await arabic.screenshot({ path: path.join(ARTEFACTS, 'workflow-history-ar.png') });

    await f.reload();
    await expect.poll(() => state(f)).toBe('Approved (locked)');
    expect(await f.getByRole('textbox', { name: 'Value of E-PCT (%)' }).isDisabled()).toBe(true);
    expect(await f.getByRole('textbox', { name: 'Value of E-PCT (%)' }).inputValue()).toBe('55');
    await f.goto(`${baseUrl}/due`);
    await f.getByText(/approved by \u2068?e2e-validator\u2069?\./).waitFor();
    await shot(f, 'workflow-4-focal-due-approved.png');
    expect([...focal.errors, ...validator.errors]).toEqual([]);
  });
});
