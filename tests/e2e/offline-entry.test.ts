import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { makeUser, role, type Session, signIn } from '../server/support/auth';
import { jordanPlanId } from '../server/support/plans';
import { addNationalIndicator, addPeriod, as } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

/*
 * Data entry with no connection: the service worker serves the app, the answers kept in IndexedDB
 * fill the pages, the outbox keeps the saves and sends them when the connection returns.
 */

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let focalSession: Session;
let validatorSession: Session;
const periods: Record<string, number> = {};
const FOCAL = 'offline-focal@example.org';

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, FOCAL, [role('focal_point', 'JOR')]);
  await makeUser(database, 'offline-validator@example.org', [role('validator', 'JOR')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  focalSession = await signIn(app, FOCAL);
  validatorSession = await signIn(app, 'offline-validator@example.org');
  const planId = await jordanPlanId(database);
  for (const [code, type] of [
    ['OFF-PCT', 'percentage'],
    ['OFF-CNT', 'count'],
    ['OFF-RAT', 'ratio'],
    ['OFF-YN', 'yes_no'],
    ['OFF-TXT', 'text'],
  ] as const) {
    await addNationalIndicator(app, focalSession, planId, code, type);
  }
  for (const year of [2021, 2022, 2023]) {
    periods[year] = (await addPeriod(app, focalSession, planId, year, '2099-03-31')).id;
  }
});

afterAll(() => stopServing({ browser, app, database }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTEFACTS, name), fullPage: true });
const row = (page: Page, code: string) => page.getByRole('row').filter({ hasText: code });
const WAITING = 'Waiting to send: kept on this device, sent when the connection returns';

/** Signs in, opens the period, and waits until the app would open offline: the service worker in
 * control and the period's grid kept in IndexedDB. */
async function openPeriodReadyForOffline(periodId: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(`/periods/${periodId}`)}`);
  await page.getByLabel('Email').fill(FOCAL);
  await page.getByLabel('Password').fill('a long test password 42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /JOR — reporting period/ }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
  await page.waitForFunction(
    (p) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('nap-tracker-offline');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('answers')) return resolve(false);
          const get = db.transaction('answers').objectStore('answers').get(p);
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    `/periods/${periodId}/entry`,
    { timeout: 30_000 },
  );
  return { context, page };
}

async function serverValues(periodId: number) {
  const res = await as(app, validatorSession, 'GET', `/api/periods/${periodId}/entry`);
  expect(res.statusCode, res.body).toBe(200);
  const grid = res.json() as {
    rows: { indicator: { code: string }; value: Record<string, unknown> | null }[];
  };
  return Object.fromEntries(
    grid.rows.filter((r) => r.indicator.code.startsWith('OFF-')).map((r) => [r.indicator.code, r.value]),
  );
}

describe('a focal point enters data with no connection', () => {
  it('keeps five values across a reload while offline, and sends them all when the connection returns', async () => {
    const periodId = periods[2021] as number;
    const { context, page } = await openPeriodReadyForOffline(periodId);
    await context.setOffline(true);
    await page.getByTestId('offline-bar').waitFor();

    await page.getByRole('textbox', { name: 'Value of OFF-PCT (%)' }).fill('45.5');
    await page.getByRole('textbox', { name: 'Value of OFF-CNT' }).fill('12');
    await page.getByRole('textbox', { name: 'Numerator of OFF-RAT' }).fill('3');
    await page.getByRole('textbox', { name: 'Denominator of OFF-RAT' }).fill('4');
    await page.getByRole('combobox', { name: 'Answer of OFF-YN' }).selectOption('yes');
    await page.getByRole('textbox', { name: 'Value of OFF-TXT' }).fill('Committee met twice');
    for (const code of ['OFF-PCT', 'OFF-CNT', 'OFF-RAT', 'OFF-YN', 'OFF-TXT'])
      await row(page, code).getByText(WAITING).waitFor();
    await page.getByText('5 values waiting to be sent.').waitFor();

    // A reload with no connection: the shell from the service worker, the grid from this browser's copy.
    await page.reload();
    await page.getByRole('heading', { name: 'JOR — reporting period 2021' }).waitFor();
    await page.getByText(/^Offline — showing what was last synced at /).waitFor();
    for (const code of ['OFF-PCT', 'OFF-CNT', 'OFF-RAT', 'OFF-YN', 'OFF-TXT'])
      await row(page, code).getByText(WAITING).waitFor();
    expect(await page.getByRole('textbox', { name: 'Value of OFF-PCT (%)' }).inputValue()).toBe('45.5');
    expect(await page.getByRole('textbox', { name: 'Value of OFF-TXT' }).inputValue()).toBe(
      'Committee met twice',
    );
    expect(await page.getByRole('combobox', { name: 'Answer of OFF-YN' }).inputValue()).toBe('yes');
    // Nothing may be submitted while values wait.
    await page.getByText(/5 values of this period have not reached the server yet/).waitFor();
    expect(await page.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true);
    await shot(page, 'offline-1-waiting-after-reload.png');
    expect(await serverValues(periodId)).toEqual({
      'OFF-PCT': null,
      'OFF-CNT': null,
      'OFF-RAT': null,
      'OFF-YN': null,
      'OFF-TXT': null,
    });

    await context.setOffline(false);
    for (const code of ['OFF-PCT', 'OFF-CNT', 'OFF-RAT', 'OFF-YN', 'OFF-TXT'])
      await row(page, code).getByText('Saved').waitFor();
    await expect.poll(() => page.getByTestId('offline-bar').count()).toBe(0);
    await shot(page, 'offline-2-sent.png');

    const values = await serverValues(periodId);
    expect(values['OFF-PCT']).toMatchObject({ numericValue: 45.5 });
    expect(values['OFF-CNT']).toMatchObject({ numericValue: 12 });
    expect(values['OFF-RAT']).toMatchObject({ numerator: 3, denominator: 4 });
    expect(values['OFF-YN']).toMatchObject({ numericValue: 1 });
    expect(values['OFF-TXT']).toMatchObject({ textValue: 'Committee met twice' });
    const history = await as(app, validatorSession, 'GET', `/api/periods/${periodId}/history`);
    const entries = (
      history.json() as {
        items: {
          user: { name: string } | null;
          channel: { kind: string } | null;
          event: { kind: string; indicator?: { code: string } };
        }[];
      }
    ).items;
    const saved = entries.filter(
      (e) => e.event.kind === 'value' && e.event.indicator?.code.startsWith('OFF-'),
    );
    expect(saved).toHaveLength(5);
    expect(new Set(saved.map((e) => `${e.user?.name} ${e.channel?.kind}`))).toEqual(
      new Set(['offline-focal grid']),
    );
    await context.close();
  });

  it('a value changed on the server while it waited offline: both are shown, and the focal point keeps theirs', async () => {
    const periodId = periods[2022] as number;
    const { context, page } = await openPeriodReadyForOffline(periodId);
    await page.getByRole('textbox', { name: 'Value of OFF-CNT' }).fill('7');
    await row(page, 'OFF-CNT').getByText('Saved').waitFor();

    await context.setOffline(true);
    await page.getByRole('textbox', { name: 'Value of OFF-CNT' }).fill('8');
    await row(page, 'OFF-CNT').getByText(WAITING).waitFor();
    // Meanwhile, from another computer, the same value changes on the server.
    const current = (await serverValues(periodId))['OFF-CNT'] as { version: number };
    const other = await as(app, focalSession, 'PUT', `/api/values/JOR/national-jor/OFF-CNT/2022`, {
      status: 'reported',
      value: { type: 'count', count: 12 },
      version: current.version,
    });
    expect(other.statusCode, other.body).toBe(200);

    await context.setOffline(false);
    const conflict = row(page, 'OFF-CNT').getByRole('alert');
    await conflict.getByText(/changed this value meanwhile \(now 12\)/).waitFor();
    // Theirs in the message, mine still in the field.
    expect(await page.getByRole('textbox', { name: 'Value of OFF-CNT' }).inputValue()).toBe('8');
    await page.getByText(/1 value of this period has not reached the server yet/).waitFor();
    await shot(page, 'offline-3-conflict.png');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await row(page, 'OFF-CNT').getByText('Saved').waitFor();
    expect((await serverValues(periodId))['OFF-CNT']).toMatchObject({ numericValue: 8 });
    await expect.poll(() => page.getByText(/has not reached the server yet/).count()).toBe(0);
    await context.close();
  });

  it('signing out with a value not sent warns first; signing out anyway deletes what this browser kept', async () => {
    const periodId = periods[2023] as number;
    const { context, page } = await openPeriodReadyForOffline(periodId);
    await context.setOffline(true);
    await page.getByRole('textbox', { name: 'Value of OFF-PCT (%)' }).fill('30');
    await row(page, 'OFF-PCT').getByText(WAITING).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('alertdialog', { name: '1 value you saved has not been sent yet.' });
    await dialog.getByText(/Signing out deletes them from this computer/).waitFor();
    await shot(page, 'offline-4-sign-out-warning.png');
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await row(page, 'OFF-PCT').getByText(WAITING).waitFor();

    // Back online but the value still cannot be sent (the server refuses the connection for it):
    // signing out anyway deletes it, and everything kept for this person, from the browser.
    await page.route('**/api/values/**', (r) => r.abort('connectionrefused'));
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Sign out and delete them' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    const keptNow = () =>
      page.evaluate(
        () =>
          new Promise<{ outbox: number; answers: { path: string; userId: number | null }[] }>((resolve) => {
            const open = indexedDB.open('nap-tracker-offline');
            open.onsuccess = () => {
              const tx = open.result.transaction(['outbox', 'answers']);
              const outbox = tx.objectStore('outbox').count();
              const answers = tx.objectStore('answers').getAll();
              tx.oncomplete = () => resolve({ outbox: outbox.result, answers: answers.result });
            };
          }),
      );
    // What the signed-out visitor's pages fetched since is kept (the server answered them as to the
    // public) once the page has stored it: wait for that, then nothing kept for the person may remain.
    await expect.poll(async () => (await keptNow()).answers.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const kept = await keptNow();
    expect(kept.outbox).toBe(0);
    expect(kept.answers.filter((a) => a.userId !== null)).toEqual([]);
    expect((await serverValues(periodId))['OFF-PCT']).toBeNull();
    await context.close();
  });
});
