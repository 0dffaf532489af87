import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { putCrosswalk } from '../../server/modules/rounds/crosswalk-service';
import { createRound, importRound } from '../../server/modules/rounds/service';
import type { ChangeResult, SharedIndicatorList, SharedIndicatorResult } from '../../shared';
import { followTracssQuestions, jordanPlanId } from '../server/support/plans';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, openPage, paintedPixels, serveForBrowser, stopServing, tableRows } from './browser';

/*
 * Views 4 (change between rounds) and 5 (shared indicators) in Chromium with real data: a second
 * TrACSS round is created, crosswalked and imported here through the rounds service (as an
 * administrator would through POST /api/rounds, PUT /api/crosswalk and the import), on this file's
 * own database; the shared-indicators view shows the Jordan plan loaded on first start, which this
 * file makes follow TrACSS questions 7.4 (with a target flagged illustrative) and 9.1: the shipped plan
 * follows none.
 */
const ROUND = 'tracss-2021-2022';
const HEADERS = [
  'Member State',
  'WHO Region',
  '2.1 Multi-sector working',
  '3.2 AMU monitoring',
  '3.3 AMR surveillance',
];
// 2019–20 levels of these countries on 4.1 / 7.1 (shipped spreadsheet) move to these 2021 levels.
const ANSWERS = [
  ['Jordan', 'EMR', 'C', 'D', 'B'],
  ['Lebanon', 'EMR', 'C', 'A', 'C'],
  ['Egypt', 'EMR', 'A', 'C', 'D'],
  ['Iraq', 'EMR', 'D', 'C', 'C'],
  ['Morocco', 'EMR', 'B', 'B', 'C'],
];

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Responses 2021');
  ws.addRow(['Tracking AMR Country Self-assessment Survey (TrACSS) 2021']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const r of ANSWERS) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  database = await openTestDatabase();
  const now = new Date();
  await createRound(
    database.db,
    {
      code: ROUND,
      name: 'TrACSS 2021–2022',
      period: { code: '2021-2022', label: 'TrACSS round 6', startDate: '2021-01-01', endDate: '2022-12-31' },
      questions: [
        { code: '2.1', name: 'Multi-sector and One Health collaboration', measureType: 'level' },
        { code: '3.2', name: 'National monitoring of antimicrobial use in humans', measureType: 'level' },
        { code: '3.3', name: 'National surveillance of AMR in humans', measureType: 'level' },
      ],
      mapping: {
        countryColumn: 'Member State',
        columns: {
          [HEADERS[2] as string]: '2.1',
          [HEADERS[3] as string]: '3.2',
          [HEADERS[4] as string]: '3.3',
        },
      },
    },
    now,
  );
  await putCrosswalk(database.db, {
    from: 'tracss-2019-2020',
    to: ROUND,
    pairs: [
      { from: '4.1', to: '2.1', comparability: 'comparable' },
      { from: '7.1', to: '3.2', comparability: 'comparable' },
      { from: '7.4', to: '3.3', comparability: 'not_comparable', note: 'Levels differ from C up' },
    ],
  });
  const imported = await importRound(
    database,
    ROUND,
    { fileName: 'tracss-2021.xlsx', data: await workbook() },
    { dryRun: false, force: false },
  );
  expect(imported).toMatchObject({ frameworkCode: ROUND });
  await followTracssQuestions(database, await jordanPlanId(database), [
    { code: '7.4', target: 'D', illustrative: true },
    { code: '9.1', target: 'D' },
  ]);
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

async function api<T>(url: string): Promise<T> {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('views 4 and 5 in Chromium', () => {
  it('change between rounds: chart drawn, table equal to the API, redefined questions named', async () => {
    const query = `from=tracss-2019-2020&to=${ROUND}&groupType=who_region&group=EMR`;
    const expected = await api<ChangeResult>(`/api/compare/change?${query}`);
    expect(expected.pairs.map((p) => `${p.from.code}→${p.to.code}`)).toEqual(['4.1→2.1', '7.1→3.2']);
    const { page, errors } = await openPage(browser, baseUrl, `/compare/change?${query}`);

    const rows = await tableRows(page, /change per comparable question/);
    expect(rows).toHaveLength(expected.pairs.length);
    expected.pairs.forEach((p, i) => {
      const cells = rows[i] as string[];
      expect(cells[0]).toBe(`${p.from.code} → ${p.to.code} ${p.to.name}`);
      expect(cells[1]).toBe('Comparable');
      expect(cells.slice(2, 6)).toEqual(
        [p.counts.improved, p.counts.same, p.counts.regressed, p.counts.no_answer].map(String),
      );
      const moved = p.countries.filter((c) => c.change === 'improved' || c.change === 'regressed');
      expect(cells[6]).toBe(moved.map((c) => `${c.iso3} ${c.from}→${c.to}`).join(', ') || '—');
    });
    // 22 EMR members, 5 answered the new round: at least 17 without an answer in one of the rounds.
    for (const p of expected.pairs) expect(p.counts.no_answer).toBeGreaterThanOrEqual(17);
    expect(await page.getByText('7.4 → 3.3', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Levels differ from C up').isVisible()).toBe(true);

    await page.getByTestId('change-chart').waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="change-chart"]'), { timeout: 10_000 })
      .toBeGreaterThan(10_000);
    await page.screenshot({ path: path.join(ARTEFACTS, 'compare-change.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shared indicators: Jordan’s plan alone, illustrative target labelled, table equal to the API', async () => {
    const list = await api<SharedIndicatorList>('/api/compare/indicators');
    const tracss = list.items.filter((i) => i.indicator.frameworkCode === 'tracss-2019-2020');
    const first = tracss[0];
    expect(first?.indicator.code).toBe('7.4');
    expect(first?.countries).toEqual(['JOR']);
    const expected = await api<SharedIndicatorResult>(
      `/api/compare/indicator?indicatorId=${first?.indicator.id}&groupType=who_region&group=EMR`,
    );
    const { page, errors } = await openPage(
      browser,
      baseUrl,
      `/compare/indicators?indicator=${first?.indicator.id}&groupType=who_region&group=EMR`,
    );
    const rows = await tableRows(page, /latest value, target, % of target and status per country/);
    expect(rows).toHaveLength(1);
    const [jordan] = expected.rows;
    const cells = rows[0] as string[];
    expect(cells[0]).toMatch(/^Jordan/);
    // Jordan's latest value is its published TrACSS answer, labelled with the round.
    const latest = jordan?.progress.latest;
    expect(latest?.source).toBe('published');
    expect(cells[1]).toBe(`${latest?.level} (${latest?.periodCode}) Published, ${latest?.sourceName}`);
    expect(cells[3]).toBe(
      `${jordan?.progress.target?.level} by ${jordan?.progress.target?.year}, increase Illustrative`,
    );
    expect(cells[4]).toBe(`${jordan?.progress.percentOfTarget} %`);
    expect(await page.getByText(/Only Jordan’s plan tracks this indicator/).isVisible()).toBe(true);

    await page.getByTestId('target-chart').waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="target-chart"]'), { timeout: 10_000 })
      .toBeGreaterThan(5_000);
    await page.screenshot({ path: path.join(ARTEFACTS, 'compare-shared-indicators.png'), fullPage: true });

    // The picker switches to Jordan's other indicator and keeps it in the address.
    const second = tracss[1];
    await page.getByLabel('Indicator').selectOption(String(second?.indicator.id));
    await page.waitForURL(new RegExp(`indicator=${second?.indicator.id}`));
    await page
      .getByRole('heading', { name: new RegExp(`^${second?.indicator.code.replace('.', '\\.')} `) })
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
