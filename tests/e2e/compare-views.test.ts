import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { type CompareResult, type HeatmapResult, LEVELS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { ARTEFACTS, openPage, paintedPixels, serveForBrowser, stopServing, tableRows } from './browser';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app, baseUrl, browser } = await serveForBrowser(database));
});

afterAll(() => stopServing({ browser, app, database }));

async function api<T>(url: string): Promise<T> {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const FW = 'framework=tracss-2019-2020&period=2019-2020';

describe('comparison views in Chromium with the TrACSS data', () => {
  it('view 1: Egypt against the EMR, Jordan pinned; the table lists the API numbers', async () => {
    const { page, errors } = await openPage(
      browser,
      baseUrl,
      '/compare?country=EGY&groupType=who_region&group=EMR',
    );
    const expected = await api<CompareResult>(
      `/api/compare?${FW}&country=EGY&groupType=who_region&group=EMR`,
    );
    const jordan = await api<CompareResult>(`/api/compare?${FW}&country=JOR&groupType=who_region&group=EMR`);

    const rows = await tableRows(page, /Egypt compared with the Eastern Mediterranean Region/);
    expect(rows).toHaveLength(expected.rows.length);
    expected.rows.forEach((r, i) => {
      const cells = rows[i] as string[];
      expect(cells[0]).toContain(r.indicator.code);
      expect(cells[1]).toBe(r.countryLevel ?? 'No answer');
      expect(cells[2]).toBe(jordan.rows[i]?.countryLevel ?? 'No answer');
      expect(cells.slice(3, 8)).toEqual(LEVELS.map((l) => String(r.stats.distribution[l])));
      expect(cells[8]).toBe(String(r.stats.n));
      expect(cells[11]).toBe(r.rank === null ? '—' : `${r.rank} of ${r.stats.n}`);
      expect(cells[12]).toBe(r.percentile === null ? '—' : `${r.percentile} %`);
    });

    await page.getByTestId('distribution-chart').waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="distribution-chart"]'), { timeout: 10_000 })
      .toBeGreaterThan(20_000);
    await page.screenshot({ path: path.join(ARTEFACTS, 'compare-country.png'), fullPage: true });

    // The group picker changes the address and the comparison.
    await page.getByLabel('Compare with').selectOption('income_group');
    await page.waitForURL(/groupType=income_group&group=LMC/);
    await page.getByRole('table', { name: /Egypt compared with the Lower middle income/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('view 2: heatmap of the EMR lists every level of the API and sorts', async () => {
    const { page, errors } = await openPage(
      browser,
      baseUrl,
      '/compare/heatmap?groupType=who_region&group=EMR',
    );
    const expected = await api<HeatmapResult>(`/api/compare/heatmap?${FW}&groupType=who_region&group=EMR`);
    const name = /Eastern Mediterranean Region: level of each country/;
    const rows = await tableRows(page, name);
    const answered = expected.countries.filter((c) => c.answered > 0);
    expect(rows).toHaveLength(answered.length);
    // Jordan (the case study) is pinned first; the others follow by score, highest first.
    expect(rows[0]?.[0]).toBe('Jordancase study');
    for (const c of answered) {
      const row = rows.find((r) => r[0]?.startsWith(c.name));
      expect(row, c.name).toBeTruthy();
      expect(row?.[2]).toBe(c.score?.toFixed(2));
      expect(row?.slice(3).map((x) => (x === '·no answer' ? null : x))).toEqual(c.levels);
    }
    const scores = rows.slice(1).map((r) => Number(r[2]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.getByText('No answer (2):').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTEFACTS, 'compare-heatmap.png'), fullPage: true });

    await page.getByRole('button', { name: /^Country/ }).click();
    await page.waitForURL(/sort=country&dir=asc/);
    const byName = await tableRows(page, name);
    expect(byName[1]?.[0]).toBe('Afghanistan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('view 3: the map of 7.4 draws, and its key and table match the API', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/compare/map?indicator=7.4&groupType=all');
    const expected = await api<HeatmapResult>(`/api/compare/heatmap?${FW}&groupType=all`);
    const col = expected.indicators.findIndex((i) => i.code === '7.4');
    const stats = expected.indicators[col]?.stats;

    await page.getByTestId('choropleth-map').waitFor();
    await expect
      .poll(() => paintedPixels(page, '[data-testid="choropleth-map"]'), { timeout: 15_000 })
      .toBeGreaterThan(50_000);
    const key = await page.getByRole('list', { name: 'Map key' }).textContent();
    for (const l of LEVELS) expect(key).toContain(`Level ${l}: ${stats?.distribution[l]}`);
    expect(key).toContain(`No answer: ${expected.countries.length - (stats?.n ?? 0)}`);

    const rows = await tableRows(page, /7\.4 .*: level of each member/);
    expect(rows).toHaveLength(expected.countries.length);
    const levelOf = new Map(rows.map((r) => [r[0]?.replace('case study', ''), r[1]]));
    for (const c of expected.countries)
      expect(levelOf.get(c.name), c.name).toBe(c.levels[col] ?? 'No answer');
    await page.screenshot({
      path: path.join(ARTEFACTS, 'compare-map.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1500 },
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('view 4: the EMR dashboard counts levels per indicator like the API', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/groups?groupType=who_region&group=EMR');
    const expected = await api<HeatmapResult>(`/api/compare/heatmap?${FW}&groupType=who_region&group=EMR`);
    const rows = await tableRows(page, /members at each level/);
    expect(rows).toHaveLength(expected.indicators.length);
    expected.indicators.forEach((ind, i) => {
      const cells = rows[i] as string[];
      expect(cells[0]).toContain(ind.code);
      expect(cells.slice(1, 6)).toEqual(LEVELS.map((l) => String(ind.stats.distribution[l])));
      expect(cells[6]).toBe(String(ind.stats.n));
      expect(cells[7]).toBe(String(expected.countries.length - ind.stats.n));
    });
    expect(await page.getByRole('link', { name: 'Oman' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTEFACTS, 'groups-dashboard.png'), fullPage: true });
    await page.getByRole('link', { name: 'Heatmap of the group' }).click();
    await page.waitForURL(/\/compare\/heatmap\?groupType=who_region&group=EMR/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
