import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { SHEET_COLUMNS } from '../../shared';
import { makeUser, role, signIn } from '../server/support/auth';
import { makePlan } from '../server/support/plans';
import { addNationalIndicator, addPeriod } from '../server/support/workflow';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, serveForBrowser, stopServing, tableRows } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let periodId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser(database, 'e2e-sheet@example.org', [role('focal_point', 'LBN')]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
  const focal = await signIn(app, 'e2e-sheet@example.org');
  // A plan of the test's own: the shipped plans' indicators would be rows of the template too.
  const { planId } = await makePlan(database, 'LBN');
  await addNationalIndicator(app, focal, planId, 'UP-PCT', 'percentage');
  await addNationalIndicator(app, focal, planId, 'UP-NUM', 'number');
  periodId = (await addPeriod(app, focal, planId, 2022, '2099-03-31')).id;
});

afterAll(() => stopServing({ browser, app, database }));

const col = (name: (typeof SHEET_COLUMNS)[number]) => SHEET_COLUMNS.indexOf(name) + 1;

describe('the spreadsheet round trip in the browser', () => {
  it('downloads the template, fills it, uploads it: the dry run lists the rows, Apply writes them', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(`/periods/${periodId}`)}`);
    await page.getByLabel('Email').fill('e2e-sheet@example.org');
    await page.getByLabel('Password').fill('a long test password 42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'LBN — reporting period 2022' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download template' }).click(),
    ]);
    const saved = path.join(ARTEFACTS, 'sheet-template.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Values') as ExcelJS.Worksheet;
    const rowOf = (code: string) => {
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(col('indicator')).value === code) return ws.getRow(r);
      throw new Error(`no row for ${code}`);
    };
    // One row per indicator of the plan.
    const codes: unknown[] = [];
    for (let r = 2; r <= ws.rowCount; r++) codes.push(ws.getRow(r).getCell(col('indicator')).value);
    expect(codes.sort()).toEqual(['UP-NUM', 'UP-PCT']);
    rowOf('UP-PCT').getCell(col('value')).value = 62.5;
    rowOf('UP-PCT').getCell(col('status')).value = 'reported';
    rowOf('UP-NUM').getCell(col('value')).value = 14;
    rowOf('UP-NUM').getCell(col('status')).value = 'reported';
    const filled = path.join(ARTEFACTS, 'sheet-filled.xlsx');
    await wb.xlsx.writeFile(filled);

    await page.getByLabel('Upload spreadsheet (.xlsx or .csv)').setInputFiles(filled);
    await page.getByText(/^Dry run: 2 new, 0 changed/).waitFor();
    const rows = await tableRows(page, /^Dry run of sheet-filled\.xlsx/);
    const byCode = Object.fromEntries(rows.map((r) => [r[1], r[2]]));
    expect(byCode).toMatchObject({ 'UP-PCT': 'New', 'UP-NUM': 'New' });
    await page.screenshot({ path: path.join(ARTEFACTS, 'sheet-dry-run.png'), fullPage: true });

    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Imported: 2 new, 0 changed.').waitFor();
    // The page reloads the grid: both values are now entered.
    await page.getByText(/2 of 2 indicators entered/).waitFor();
    // Each imported value has its history, from the grid cell.
    await page.getByRole('button', { name: 'History of UP-PCT' }).click();
    const history = page.getByRole('list', { name: 'History of UP-PCT' });
    await history.getByText('Value: — → 62.5 %').waitFor();
    await history.getByText('Spreadsheet upload: sheet-filled.xlsx').waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'sheet-upload-history.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
