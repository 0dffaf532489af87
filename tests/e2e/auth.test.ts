import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { createUser } from '../../server/modules/users/service';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
const PASSWORD = 'jordan focal point pass';
const ADMIN_PASSWORD = 'e2e administrator pass';

beforeAll(async () => {
  database = await openTestDatabase();
  await createUser(
    { db: database.db, now: () => new Date() },
    null,
    {
      email: 'focal.jordan@e2e.example.org',
      displayName: 'Focal point, Jordan',
      password: PASSWORD,
      roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
    },
    { system: true },
  );
  await createUser(
    { db: database.db, now: () => new Date() },
    null,
    {
      email: 'admin@e2e.example.org',
      displayName: 'E2E admin',
      password: ADMIN_PASSWORD,
      roles: [{ role: 'admin', country: null, sectors: [] }],
    },
    { system: true },
  );
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

describe('a Jordan focal point signs in', () => {
  it('lands back on the protected page and sees only what the role may do, under the strict CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    const first = await page.goto(`${baseUrl}/account/tokens`);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/sign-in\?next=%2Faccount%2Ftokens$/);
    await page.getByLabel('Email').fill('focal.jordan@e2e.example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account\/tokens$/);
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();

    const account = page.getByRole('navigation', { name: 'Account' });
    await expect.poll(() => account.textContent()).toMatch(/Signed in as Focal point, Jordan/);
    expect(await account.textContent()).toMatch(/Focal point, JOR/);
    expect(await account.getByRole('link', { name: 'API tokens' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);

    // A write through the UI works: the api client sends the CSRF token.
    await page.getByLabel('Name').fill('e2e token');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByTestId('new-token').textContent()).toMatch(/^nap_/);

    await page.screenshot({ path: path.join(ARTEFACTS, 'focal-point-signed-in.png'), fullPage: true });

    // The administration page is refused by the server too, not only hidden.
    const users = await page.request.get(`${baseUrl}/api/users`);
    expect(users.status()).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => account.textContent()).toMatch(/Sign in/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an administrator creates a token for the focal point on the Users page; it works as that user', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${baseUrl}/sign-in?next=%2Fadmin%2Fusers`);
    await page.getByLabel('Email').fill('admin@e2e.example.org');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByText('API tokens of Focal point, Jordan').click();
    const form = page.getByRole('form', { name: 'New API token for Focal point, Jordan' });
    await form.getByLabel('Name').fill('jordan sync');
    await form.getByLabel('Scope').selectOption('write');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByTestId('new-token');
    await expect.poll(() => secret.textContent()).toMatch(/^nap_/);
    const token = (await secret.textContent()) ?? '';
    const table = page.getByRole('table', { name: 'API tokens of Focal point, Jordan' });
    await table.getByRole('rowheader', { name: 'jordan sync' }).waitFor();

    const me = await page.request.get(`${baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({
      email: 'focal.jordan@e2e.example.org',
      via: 'token',
      scope: 'write',
    });

    await table.getByRole('button', { name: 'Revoke jordan sync' }).click();
    await table.getByText(/^Revoked/).waitFor();
    const after = await page.request.get(`${baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status()).toBe(401);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the API docs render under their CSP without violations', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${baseUrl}/api/docs`);
    await page.getByText('NAP Tracker API').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
