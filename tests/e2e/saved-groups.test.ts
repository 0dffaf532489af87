import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { HeatmapResult, SavedGroup } from '../../shared';
import { makeUser, role } from '../server/support/auth';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'e2e-groups@example.org', [role('facilitator')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

async function signedIn(next: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill('e2e-groups@example.org');
  await page.getByLabel('Password').fill('a long test password 42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
  return { page, errors };
}

describe('a facilitator builds, edits and deletes a saved group in the browser', () => {
  it('adds countries with the keyboard, saves, renames and edits the group, then deletes it after confirming', async () => {
    const { page, errors } = await signedIn('/compare/heatmap?groupType=countries&group=JOR');
    const box = page.getByRole('combobox', { name: 'Add a country' });
    // Type, Enter adds the highlighted (first) match; the box keeps the focus.
    await box.fill('leb');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Lebanon/ })
      .waitFor();
    await box.press('Enter');
    await page.waitForURL(/group=JOR%2CLBN|group=JOR,LBN/);
    await box.fill('egy');
    await box.press('Enter');
    await page.waitForURL(/group=JOR%2CLBN%2CEGY|group=JOR,LBN,EGY/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');

    const save = page.getByRole('form', { name: 'Save this group' });
    await save.getByLabel('Group name').fill('Levant test');
    await save.getByRole('button', { name: 'Save group (3 countries)' }).click();
    await page.waitForURL(/groupType=saved/);
    const id = Number(new URL(page.url()).searchParams.get('group'));
    expect(id).toBeGreaterThan(0);

    // Edit: rename, add Syria with arrows and Enter, remove Egypt.
    await page.getByRole('button', { name: 'Edit group' }).click();
    const form = page.getByRole('form', { name: 'Edit the group “Levant test”' });
    await form.getByLabel('Group name').fill('Levant and Syria');
    const editBox = form.getByRole('combobox', { name: 'Add a country' });
    await editBox.fill('syr');
    await form.getByRole('listbox').getByRole('option', { name: /Syria/ }).waitFor();
    await editBox.press('ArrowDown');
    await editBox.press('Enter');
    await form.getByRole('button', { name: 'Remove Egypt' }).click();
    await page.screenshot({ path: path.join(ARTEFACTS, 'saved-group-edit.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save changes (3 countries)' }).click();
    await page.getByText('Saved “Levant and Syria”.').waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const read = async () => app.inject({ url: `/api/peer-groups/${id}`, headers: { cookie: session } });
    const after = (await read()).json() as SavedGroup;
    expect(after).toMatchObject({ name: 'Levant and Syria', members: ['JOR', 'LBN', 'SYR'], version: 2 });
    // The heatmap follows the new members.
    await page.getByRole('table', { name: /Levant and Syria: level of each country/ }).waitFor();

    // Delete: a confirmation first; Cancel keeps it.
    await page.getByRole('button', { name: 'Delete group' }).click();
    const panel = page.getByRole('alertdialog', {
      name: 'Delete the group “Levant and Syria” (3 countries)?',
    });
    await panel.waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'saved-group-delete.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    expect((await read()).statusCode).toBe(200);
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete the group' }).click();
    await page.waitForURL((u) => u.searchParams.get('group') === '');
    expect((await read()).statusCode).toBe(404);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a country that did not answer the round gets a notice; the case study is picked from a select', async () => {
    const heat = (
      await app.inject({
        url: '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=EMR',
      })
    ).json() as HeatmapResult;
    const silent = heat.countries.find((c) => c.answered === 0);
    expect(silent, 'an EMR country without an answer in 2019–2020').toBeDefined();
    const { page, errors } = await signedIn(
      `/compare?country=${silent?.iso3}&groupType=who_region&group=EMR`,
    );
    await page
      .getByText(
        `${silent?.name} did not answer TrACSS 2019–2020: the chart and the table show the group alone.`,
      )
      .waitFor();
    const headers = await page
      .getByRole('table', { name: /^The Eastern Mediterranean Region: level counts/ })
      .getByRole('columnheader')
      .allTextContents();
    expect(headers).not.toContain(silent?.name);
    await page.getByLabel('Case study').selectOption('LBN');
    await page.waitForURL(/case=LBN/);
    await page.getByRole('columnheader', { name: 'Lebanon (case study)' }).waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'compare-no-answer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('peer learning hides the EMR countries without a profile and says how many; the notice reads in Arabic', async () => {
    const { page, errors } = await signedIn('/learning?groupType=who_region&group=EMR');
    const filter = page.getByRole('checkbox', { name: 'Only countries with a profile' });
    await filter.waitFor();
    await expect.poll(() => filter.isChecked()).toBe(true);
    const hidden = await page.locator('#learning-hidden').textContent();
    expect(hidden).toMatch(/^\d+ countries without a public profile are hidden: /);
    const columns = await page
      .getByRole('table', { name: 'M&E system profiles side by side' })
      .getByRole('columnheader')
      .count();
    // The field column, Jordan (the case study) and the countries with a profile: far fewer than 22.
    expect(columns).toBeLessThan(8);
    await page.screenshot({ path: path.join(ARTEFACTS, 'learning-only-profiled.png'), fullPage: true });
    await page.locator('.profiled-filter').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTEFACTS, 'learning-only-profiled-top.png') });
    await filter.click();
    await page.waitForURL(/profiles=all/);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'M&E system profiles side by side' })
          .getByRole('columnheader')
          .count(),
      )
      .toBe(23);

    const arabic = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar-JO' });
    await arabic.goto(`${baseUrl}/compare?country=OMN&groupType=who_region&group=EMR`);
    await arabic.getByText('لم تُجب', { exact: false }).first().waitFor();
    await arabic.screenshot({ path: path.join(ARTEFACTS, 'compare-no-answer-ar.png') });
    await arabic.close();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
