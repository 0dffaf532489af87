import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import {
  CountryListSchema,
  CountrySchema,
  ErrorEnvelopeSchema,
  FrameworkDetailSchema,
  FrameworkListSchema,
  IndicatorListSchema,
  IndicatorSchema,
  ValuePageSchema,
} from '../../shared';
import { openTestApp, openTestDatabase } from '../setup/test-db';

let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close());

async function getJson(url: string, status = 200) {
  const res = await app.inject({ url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
  return res.json();
}

describe('system', () => {
  it('answers liveness and readiness', async () => {
    expect(await getJson('/api/health')).toEqual({ status: 'ok' });
    const ready = await getJson('/api/ready');
    expect(ready.status).toBe('ready');
    expect(['pglite', 'postgres']).toContain(ready.database);
  });

  it('serves an OpenAPI document generated from the shared schemas, and its docs', async () => {
    const doc = await getJson('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/countries',
      '/api/countries/{iso3}',
      '/api/compare',
      '/api/values',
      '/api/frameworks',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const compareParams = doc.paths['/api/compare'].get.parameters.map((x: { name: string }) => x.name);
    expect(compareParams).toEqual(
      expect.arrayContaining(['framework', 'country', 'groupType', 'group', 'period']),
    );
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown routes with the error envelope', async () => {
    const body = await getJson('/api/nothing-here', 404);
    expect(ErrorEnvelopeSchema.parse(body).message).toBe('Route GET /api/nothing-here not found');
  });
});

describe('countries', () => {
  it('lists all 249 countries sorted by name', async () => {
    const body = CountryListSchema.parse(await getJson('/api/countries'));
    expect(body.items).toHaveLength(249);
    const names = body.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters by WHO region, income group, membership and search', async () => {
    const emr = CountryListSchema.parse(await getJson('/api/countries?whoRegion=EMR'));
    expect(emr.items).toHaveLength(22);
    expect(emr.items.every((c) => c.whoRegion === 'EMR')).toBe(true);
    // Today's reference: Jordan upper-middle income, as the TrACSS 2025 export gives it.
    const emrUmc = CountryListSchema.parse(await getJson('/api/countries?whoRegion=EMR&incomeGroup=UMC'));
    expect(emrUmc.items.map((c) => c.iso3)).toContain('JOR');
    expect(emrUmc.items.every((c) => c.incomeGroup === 'UMC')).toBe(true);
    const members = CountryListSchema.parse(await getJson('/api/countries?whoMember=true'));
    expect(members.items).toHaveLength(194);
    const search = CountryListSchema.parse(await getJson('/api/countries?q=jord'));
    expect(search.items.map((c) => c.iso3)).toEqual(['JOR']);
    // Search treats LIKE wildcards as text.
    expect(CountryListSchema.parse(await getJson('/api/countries?q=%25')).items).toHaveLength(0);
  });

  it('returns one country, and 404 naming an unknown one', async () => {
    const jor = CountrySchema.parse(await getJson('/api/countries/jor'));
    expect(jor).toMatchObject({
      iso3: 'JOR',
      name: 'Jordan',
      whoRegion: 'EMR',
      incomeGroup: 'UMC',
      whoMember: true,
    });
    const err = ErrorEnvelopeSchema.parse(await getJson('/api/countries/XYZ', 404));
    expect(err).toMatchObject({
      error: 'Not Found',
      statusCode: 404,
      message: 'country: no country with ISO3 code XYZ',
    });
    expect(err.requestId).toBeTruthy();
  });

  it('answers an invalid query with 400 naming the field and the problem', async () => {
    const err = ErrorEnvelopeSchema.parse(await getJson('/api/countries?incomeGroup=RICH', 400));
    expect(err.message).toMatch(/^query\.incomeGroup: Invalid option/);
    expect(err.issues?.[0]?.path).toBe('query.incomeGroup');
    const tooLong = ErrorEnvelopeSchema.parse(await getJson(`/api/countries?q=${'x'.repeat(101)}`, 400));
    expect(tooLong.issues?.[0]?.path).toBe('query.q');
    const badCode = ErrorEnvelopeSchema.parse(await getJson('/api/countries/J0R', 400));
    expect(badCode.message).toMatch(/path\.iso3: must be a three-letter/);
  });
});

describe('frameworks and indicators', () => {
  it('lists the TrACSS framework with its indicator count and period', async () => {
    const list = FrameworkListSchema.parse(await getJson('/api/frameworks'));
    // The rounds, and Jordan's national framework holding the indicators of its M&E plan.
    expect(list.items).toEqual([
      expect.objectContaining({ code: 'national-jor', kind: 'national', indicatorCount: 97 }),
      expect.objectContaining({ code: 'tracss-2019-2020', kind: 'tracss', indicatorCount: 113 }),
      expect.objectContaining({ code: 'tracss-2025', kind: 'tracss', indicatorCount: 110 }),
    ]);
    const detail = FrameworkDetailSchema.parse(await getJson('/api/frameworks/tracss-2019-2020'));
    expect(detail.periods.map((p) => p.code)).toEqual(['2019-2020']);
    await getJson('/api/frameworks/unknown-one', 404);
  });

  it('lists indicators, filters by measure type and returns one with its level wording', async () => {
    const all = IndicatorListSchema.parse(await getJson('/api/frameworks/tracss-2019-2020/indicators'));
    expect(all.items).toHaveLength(113);
    expect(new Set(all.items.map((i) => i.code)).size).toBe(113);
    const levels = IndicatorListSchema.parse(
      await getJson('/api/frameworks/tracss-2019-2020/indicators?measureType=level'),
    );
    expect(levels.items).toHaveLength(23);
    const one = IndicatorSchema.parse(await getJson('/api/frameworks/tracss-2019-2020/indicators/8.1'));
    expect(one).toMatchObject({ measureType: 'level', gapObjective: 3, sectors: ['human_health'] });
    expect(one.levels?.E).toMatch(/IPC/);
    const sub = IndicatorSchema.parse(await getJson('/api/frameworks/tracss-2019-2020/indicators/4.2-1'));
    expect(sub).toMatchObject({
      questionCode: '4.2',
      subItem: 'Human Health including WASH',
      measureType: 'yes_no',
    });
    const err = await getJson('/api/frameworks/tracss-2019-2020/indicators/99.9', 404);
    expect(err.message).toBe('indicator: no indicator with code 99.9 in framework tracss-2019-2020');
    await getJson('/api/frameworks/tracss-2019-2020/indicators?measureType=colour', 400);
  });
});

describe('values', () => {
  it('pages through a country’s values', async () => {
    // 77 answers to the 2019–2020 round, 103 to the 2025 one.
    const first = ValuePageSchema.parse(await getJson('/api/values?country=JOR&limit=100'));
    expect(first.total).toBe(180);
    expect(first.items).toHaveLength(100);
    const second = ValuePageSchema.parse(await getJson('/api/values?country=JOR&limit=100&offset=100'));
    expect(second.items).toHaveLength(80);
    const keys = [...first.items, ...second.items].map((v) => `${v.frameworkCode}:${v.indicatorCode}`);
    expect(new Set(keys).size).toBe(180);
  });

  it('filters by framework, indicator and period', async () => {
    const page = ValuePageSchema.parse(
      await getJson('/api/values?framework=tracss-2019-2020&indicator=4.1&period=2019-2020&limit=1000'),
    );
    expect(page.total).toBe(136);
    expect(page.items.every((v) => v.indicatorCode === '4.1' && v.level !== null)).toBe(true);
    const jor = ValuePageSchema.parse(
      await getJson('/api/values?country=JOR&framework=tracss-2019-2020&indicator=4.1'),
    );
    expect(jor.items).toEqual([
      expect.objectContaining({
        countryIso3: 'JOR',
        level: 'B',
        status: 'reported',
        periodCode: '2019-2020',
      }),
    ]);
  });

  it('names bad filters', async () => {
    expect((await getJson('/api/values?indicator=4.1', 400)).message).toMatch(
      /query\.indicator: indicator needs framework/,
    );
    expect((await getJson('/api/values?limit=5000', 400)).message).toMatch(/query\.limit/);
    expect((await getJson('/api/values?limit=abc', 400)).message).toMatch(/query\.limit/);
    expect((await getJson('/api/values?country=QQQ', 404)).message).toBe(
      'country: no country with ISO3 code QQQ',
    );
    expect((await getJson('/api/values?framework=tracss-2019-2020&period=2040', 404)).message).toMatch(
      /period: no period 2040/,
    );
  });

  // The filters are looked up together: the answer names the first unknown one in the query's order
  // (country, framework, indicator, period), whichever look-up fails first.
  it('names the first unknown filter, country before framework before indicator before period', async () => {
    expect((await getJson('/api/values?country=QQQ&framework=nope&period=2040', 404)).message).toBe(
      'country: no country with ISO3 code QQQ',
    );
    expect((await getJson('/api/values?country=JOR&framework=nope&indicator=0.0', 404)).message).toBe(
      'framework: no framework with code nope',
    );
    expect(
      (await getJson('/api/values?country=JOR&framework=tracss-2019-2020&indicator=0.0&period=2040', 404))
        .message,
    ).toBe('indicator: no indicator with code 0.0 in framework tracss-2019-2020');
  });
});

describe('server errors', () => {
  it('hides internals of a 5xx behind the envelope', async () => {
    const database = await openTestDatabase();
    const broken = await buildApp({ database });
    await database.close(); // every query now fails inside the driver
    const res = await broken.inject({ url: '/api/countries' });
    // A closed PGlite fails like a bug (500); a closed postgres.js pool says CONNECTION_ENDED, which is
    // the database being away (503 with Retry-After). Neither shows the query.
    const unavailable = database.kind === 'postgres';
    expect(res.statusCode).toBe(unavailable ? 503 : 500);
    expect(res.json()).toEqual({
      error: unavailable ? 'Service Unavailable' : 'Internal Server Error',
      message: unavailable
        ? 'The database is not available right now; try again shortly'
        : 'Internal server error',
      statusCode: unavailable ? 503 : 500,
      requestId: expect.any(String),
      code: unavailable ? 'unavailable' : 'internal',
    });
    const ready = await broken.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().message).toBe('database: not reachable or not migrated');
    await broken.close();
  });
});
