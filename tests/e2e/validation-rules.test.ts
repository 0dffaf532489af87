import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role, type Session, signIn } from '../server/support/auth';
import { jordanTestPlan } from '../server/support/plans';
import { addPeriod, as } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

/* Validation rules in the grid: an error and a jump warning while typing, the submit refused,
 * a validator's comment on one value; screenshots in English, French and Arabic. */
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;
const sessions = {} as Record<'focal' | 'validator', Session>;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'rules-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'rules-validator@example.org', [role('validator', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  sessions.focal = await signIn(app, 'rules-focal@example.org');
  sessions.validator = await signIn(app, 'rules-validator@example.org');
  const planId = await jordanTestPlan(database);
  for (const [code, measureType, rules] of [
    ['RV-PCT', 'percentage', { min: 10, max: 90 }],
    ['RV-CNT', 'count', { jumpPercent: 50 }],
  ] as const) {
    const res = await as(app, sessions.focal, 'POST', `/api/plans/${planId}/indicators`, {
      indicator: { kind: 'national', code, name: `Laboratories (${measureType})`, measureType },
      direction: 'increase',
      rules,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await addPeriod(app, sessions.focal, planId, 2019, '2099-03-31');
  periodId = (await addPeriod(app, sessions.focal, planId, 2020, '2099-03-31')).id;
  const before = await as(app, sessions.focal, 'PUT', '/api/values/JOR/national-jor/RV-CNT/2019', {
    status: 'reported',
    value: { type: 'count', count: 40 },
  });
  expect(before.statusCode, before.body).toBe(201);
});

afterAll(() => stopServing({ browser, app, database }));

const LOCALES = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-JO' } as const;

async function pageAs(who: 'focal' | 'validator', locale: keyof typeof LOCALES) {
  const context = await browser.newContext({
    locale: LOCALES[locale],
    viewport: { width: 1280, height: 900 },
  });
  const value = sessions[who].cookie.replace(/^nap_session=/, '');
  await context.addCookies([{ name: 'nap_session', value, url: baseUrl }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/periods/${periodId}`);
  return { page, errors };
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, `rules-${name}.png`), fullPage: true });
const row = (page: Page, code: string) => page.getByRole('row').filter({ hasText: code });
/** Waits for the grid's save of the code's 2020 value (the "Saved" of an earlier save may still show). */
const saved = (page: Page, code: string) =>
  page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().includes(`/national-jor/${code}/2020`) && r.ok(),
  );
const state = (page: Page) => page.getByTestId('submission-state').textContent();

describe('validation rules in the grid', () => {
  it('shows the error and the warning while typing, in French and Arabic too', async () => {
    const labels = {
      fr: ['Valeur de RV-PCT (%)', 'Valeur de RV-CNT', '95,5', '88'],
      ar: ['قيمة RV-PCT (%)', 'قيمة RV-CNT', '٩٦٫٥', '٨٩'],
    } as const;
    for (const locale of ['fr', 'ar'] as const) {
      const { page, errors } = await pageAs('focal', locale);
      const [pct, cnt, high, jump] = labels[locale];
      await page.getByRole('textbox', { name: pct }).fill(high);
      await page.getByRole('textbox', { name: cnt }).fill(jump);
      await row(page, 'RV-PCT').locator('[data-severity="error"]').waitFor();
      await row(page, 'RV-CNT').locator('[data-severity="warning"]').waitFor();
      await row(page, 'RV-CNT')
        .getByText(locale === 'fr' ? 'Enregistré' : 'حُفظ')
        .waitFor();
      await shot(page, `${locale}-grid`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('refuses the submit naming the indicators; a comment and a value in range let it through; a validator comments', async () => {
    const { page: f, errors } = await pageAs('focal', 'en');
    let saves = Promise.all([saved(f, 'RV-PCT'), saved(f, 'RV-CNT')]);
    await f.getByRole('textbox', { name: 'Value of RV-PCT (%)' }).fill('95');
    await f.getByRole('textbox', { name: 'Value of RV-CNT' }).fill('90');
    const error = row(f, 'RV-PCT').locator('[data-severity="error"]');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      '✖ 95 is above the maximum set for this indicator (90): correct it, or the period cannot be submitted.',
    );
    const warning = row(f, 'RV-CNT').locator('[data-severity="warning"]');
    expect(await warning.textContent()).toBe(
      '⚠ +125 % against 40 in 2019 (more than ±50 %): explain it in the comment before submitting.',
    );
    await saves;
    await shot(f, 'en-grid');
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByRole('button', { name: 'Yes, submit' }).click();
    // Said in words, each problem named by its indicator and field (not the API's paths).
    const refusal = f.getByRole('alert').filter({ hasText: /RV-PCT/ });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /RV-PCT · Value: Enter a number of at most 90.*RV-CNT · Comment: Changed by 125 % since the previous period/,
    );
    await shot(f, 'en-submit-refused');

    saves = Promise.all([saved(f, 'RV-PCT'), saved(f, 'RV-CNT')]);
    await f.getByRole('textbox', { name: 'Value of RV-PCT (%)' }).fill('50');
    await f.getByRole('textbox', { name: 'Comment on RV-CNT' }).fill('Two regional laboratories joined');
    await row(f, 'RV-CNT')
      .getByText(/explained in the comment/)
      .waitFor();
    await saves;
    expect(await row(f, 'RV-PCT').locator('[data-severity="error"]').count()).toBe(0);
    // The confirmation stays open with the refusal: confirm again.
    const submitted = f.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/submit'),
    );
    await f.getByRole('button', { name: 'Yes, submit' }).click();
    const answer = await submitted;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect.poll(() => state(f), { timeout: 10_000 }).toMatch(/^Submitted/);

    const { page: v, errors: vErrors } = await pageAs('validator', 'en');
    await v.getByRole('button', { name: 'Comment on RV-CNT' }).click();
    await v.getByRole('textbox', { name: 'Your comment on the value of RV-CNT' }).fill('Which laboratories?');
    await v.getByRole('button', { name: 'Send the comment' }).click();
    await row(v, 'RV-CNT').getByTestId('validator-comment').waitFor();
    await shot(v, 'en-validator-comment');

    await f.reload();
    const note = row(f, 'RV-CNT').getByTestId('validator-comment');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^Validator’s comment \(rules-validator, .*\): Which laboratories\?$/,
    );
    await shot(f, 'en-focal-sees-comment');
    expect([...errors, ...vErrors]).toEqual([]);
  });
});
