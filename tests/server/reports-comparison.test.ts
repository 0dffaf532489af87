import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { CompareResult, HeatmapResult } from '../../shared';
import { LEVELS } from '../../shared';
import { LEVEL_COLOURS } from '../../shared/charts/palette';
import { openTestApp } from '../setup/test-db';
import { openPdf, pageTexts, pixelsOf, renderPage } from './support/reports-pdf';

let app: FastifyInstance;
let closed: FastifyInstance;
let close: () => Promise<void>;
const EMR = 'framework=tracss-2019-2020&groupType=who_region&group=EMR';

beforeAll(async () => {
  let database: Parameters<typeof buildApp>[0]['database'];
  ({ app, close, database } = await openTestApp());
  closed = await buildApp({ database, publicRead: false });
  await closed.ready();
});
afterAll(async () => {
  await closed?.close();
  await close?.();
});

async function sheetRows(buffer: Buffer, index: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[index];
  const rows: unknown[][] = [];
  const width = ws?.actualColumnCount ?? 0;
  // exceljs leaves out trailing empty cells: pad every row to the sheet's width.
  ws?.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: width }, (_, i) => values[i + 1]));
  });
  return rows;
}

describe('comparison report, XLSX', () => {
  it('has one sheet per section with the numbers of /api/compare/heatmap and /api/compare', async () => {
    const res = await app.inject({ url: `/api/reports/comparison?format=xlsx&${EMR}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="NAP-comparison-EMR-.+\.xlsx"$/,
    );
    const heatmap: HeatmapResult = (await app.inject({ url: `/api/compare/heatmap?${EMR}` })).json();
    const compare: CompareResult = (await app.inject({ url: `/api/compare?${EMR}&country=JOR` })).json();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(3);

    const about = await sheetRows(res.rawPayload, 0);
    expect(about).toContainEqual(['Peer group', heatmap.group.label]);
    expect(about).toContainEqual(['Members', heatmap.countries.length]);
    // It says which data and which classification it shows, as the views do.
    expect(about).toContainEqual(['Data', 'Published answers of the round']);
    expect(about).toContainEqual([
      'Classification',
      'WHO regions and income groups as in force for the round (its own file for the countries that answered it)',
    ]);
    const national = await app.inject({
      url: `/api/reports/comparison?format=xlsx&${EMR}&source=national&classification=today`,
    });
    expect(national.statusCode, national.body).toBe(200);
    const nationalAbout = await sheetRows(national.rawPayload, 0);
    expect(nationalAbout).toContainEqual([
      'Data',
      'The countries’ own national reports on the round’s questions (approved)',
    ]);
    expect(nationalAbout).toContainEqual(['Classification', 'Today’s WHO regions and income groups']);

    const [header, ...stats] = await sheetRows(res.rawPayload, 1);
    expect(header).toEqual([
      'Question',
      'Indicator',
      'Answered',
      ...LEVELS,
      'Median',
      'Q1',
      'Q3',
      'JOR',
      'Rank',
      'Percentile',
    ]);
    expect(stats).toHaveLength(heatmap.indicators.length);
    heatmap.indicators.forEach((ind, i) => {
      const row = compare.rows.find((r) => r.indicator.code === ind.code);
      const expected = [
        ind.code,
        ind.name,
        ind.stats.n,
        ...LEVELS.map((l) => ind.stats.distribution[l]),
        ind.stats.median,
        ind.stats.q1,
        ind.stats.q3,
        row?.countryLevel,
        row?.rank,
        row?.percentile,
      ];
      // exceljs leaves empty cells out: compare with nulls as undefined.
      expect(stats[i]).toEqual(expected.map((v) => (v === null ? undefined : v)));
    });

    const [gridHeader, ...grid] = await sheetRows(res.rawPayload, 2);
    expect(gridHeader).toEqual([
      'Country',
      'ISO3',
      ...heatmap.indicators.map((i) => i.code),
      'Answered',
      'Score',
    ]);
    expect(grid).toHaveLength(heatmap.countries.length);
    heatmap.countries.forEach((c, i) => {
      const row = grid[i] as unknown[];
      expect(row.slice(0, 2)).toEqual([c.name, c.iso3]);
      expect(row.slice(2, 2 + c.levels.length)).toEqual(c.levels.map((l) => l ?? undefined));
      expect(row[2 + c.levels.length]).toBe(c.answered);
      expect(row[3 + c.levels.length]).toBe(c.score ?? undefined);
    });
  });
});

describe('comparison report, PDF', () => {
  it('draws the stacked-level chart and the tables with the group and the case study', async () => {
    const res = await app.inject({ url: `/api/reports/comparison?format=pdf&${EMR}&case=JOR&lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await openPdf(res.rawPayload);
    const text = (await pageTexts(doc)).join('\n');
    expect(text).toContain('Peer comparison report');
    expect(text).toContain('Eastern Mediterranean Region');
    expect(text).toContain('Median, quartiles and rank');
    expect(text).toContain('Countries by question');
    expect(text).toContain('Jordan (JOR)');
    expect(text).toContain('Syrian Arab Republic');
    // The chart's level D segments (and only the chart uses that fill on page 1) are painted.
    const page = await renderPage(doc, 1, 1);
    expect(pixelsOf(page, LEVEL_COLOURS.D.fill)).toBeGreaterThan(2000);
  });

  it('works without a case study and in Arabic', async () => {
    const res = await app.inject({ url: `/api/reports/comparison?${EMR}&case=none&lang=ar` });
    expect(res.statusCode).toBe(200);
    const doc = await openPdf(res.rawPayload);
    expect(doc.numPages).toBeGreaterThanOrEqual(2);
  });
});

describe('comparison report, requests', () => {
  it.each([
    ['format=doc&framework=tracss-2019-2020', 'format'],
    ['groupType=who_region&group=EMR', 'framework'],
    ['framework=tracss-2019-2020&groupType=planet', 'groupType'],
    ['framework=tracss-2019-2020&lang=xx', 'lang'],
    ['framework=tracss-2019-2020&case=JO', 'case'],
  ])('%s → 400 naming %s', async (query, field) => {
    const res = await app.inject({ url: `/api/reports/comparison?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
  });

  it('is refused to anonymous visitors when data is not public', async () => {
    const res = await closed.inject({ url: `/api/reports/comparison?${EMR}` });
    expect(res.statusCode).toBe(401);
  });
});
