import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { groupHeatmap } from '../../server/modules/compare/heatmap-service';
import type { HeatmapResult } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { NATIONAL_CODES, nationalFixture } from './support/national';
import { distributionFromFile, fileClass } from './support/tracss-file';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
});
afterAll(async () => close());

async function heatmap(query: string): Promise<HeatmapResult> {
  const res = await app.inject({ url: `/api/compare/heatmap?framework=tracss-2019-2020&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The levels of one country, keyed by indicator code ('-' for no answer). */
function levelsOf(r: HeatmapResult, iso3: string, codes: string[]) {
  const c = r.countries.find((x) => x.iso3 === iso3);
  if (!c) throw new Error(`no country ${iso3}`);
  const col = (code: string) => r.indicators.findIndex((i) => i.code === code);
  return {
    answered: c.answered,
    score: c.score,
    levels: codes.map((code) => c.levels[col(code)] ?? '-').join(' '),
  };
}
const statsOf = (r: HeatmapResult, code: string) => r.indicators.find((i) => i.code === code)?.stats;

/*
 * Expected numbers worked out by hand (python3, independently of the app) from
 * tests/fixtures/tracss_2019_2020_long.csv (the level_A_E rows with a level) and the group
 * members of server/db/reference-data/countries/countries_reference.csv (column who_region;
 * wb_income_group "Low income" = LIC):
 *   lv[iso3][indicator_code] = level;  score = round(mean(A=1 … E=5 over answered), 2)
 *   distribution = Counter(lv[m].get(code) for m in members)
 *   median/q1/q3 = numpy.percentile(sorted scores, 50/25/75)   (linear, type 7)
 * Columns below: 4.1 7.4 8.1 9.1.
 */
const CODES = ['4.1', '7.4', '8.1', '9.1'];

describe('heatmap of the Eastern Mediterranean Region', () => {
  let r: HeatmapResult;
  beforeAll(async () => {
    r = await heatmap('groupType=who_region&group=EMR');
  });

  it('lists all 22 members, 23 A–E indicators, and the two without an answer', () => {
    expect(r.group).toMatchObject({ type: 'who_region', key: 'EMR', label: 'Eastern Mediterranean Region' });
    expect(r.period).toBe('2019-2020');
    expect(r.indicators).toHaveLength(23);
    expect(r.countries).toHaveLength(22);
    expect(r.countries.every((c) => c.levels.length === 23)).toBe(true);
    const silent = r.countries.filter((c) => c.answered === 0).map((c) => c.iso3);
    expect(silent.sort()).toEqual(['OMN', 'PSE']);
    expect(levelsOf(r, 'OMN', CODES)).toEqual({ answered: 0, score: null, levels: '- - - -' });
  });

  it('gives each country its levels, answer count and mean score', () => {
    expect(levelsOf(r, 'JOR', CODES)).toEqual({ answered: 21, score: 2.86, levels: 'B E D C' });
    expect(levelsOf(r, 'KWT', CODES)).toEqual({ answered: 9, score: 3.11, levels: 'C C E C' });
    expect(levelsOf(r, 'MAR', CODES)).toEqual({ answered: 23, score: 3.52, levels: 'D B B C' });
    expect(levelsOf(r, 'DJI', CODES)).toEqual({ answered: 23, score: 1.04, levels: 'A A A A' });
    expect(levelsOf(r, 'YEM', CODES)).toEqual({ answered: 20, score: 1.95, levels: 'E B C B' });
    const jordan = r.countries.find((c) => c.iso3 === 'JOR');
    // Upper-middle income, as the round's own file gives it.
    expect(jordan).toMatchObject({ name: 'Jordan', m49Code: '400', whoRegion: 'EMR', incomeGroup: 'UMC' });
  });

  it("counts each indicator's levels over the answering members", () => {
    expect(statsOf(r, '4.1')).toEqual({
      n: 20,
      distribution: { A: 2, B: 7, C: 4, D: 4, E: 3 },
      median: 3,
      q1: 2,
      q3: 4,
    });
    expect(statsOf(r, '7.4')).toEqual({
      n: 20,
      distribution: { A: 2, B: 6, C: 4, D: 5, E: 3 },
      median: 3,
      q1: 2,
      q3: 4,
    });
    expect(statsOf(r, '9.1')).toEqual({
      n: 20,
      distribution: { A: 4, B: 6, C: 9, D: 1, E: 0 },
      median: 2.5,
      q1: 2,
      q3: 3,
    });
  });
});

describe('heatmap of the low-income countries (as the round classifies them)', () => {
  let r: HeatmapResult;
  beforeAll(async () => {
    r = await heatmap('groupType=income_group&group=LIC');
  });

  it('lists the 16 respondents the round’s file puts there, and the members that did not answer', () => {
    expect(r.group).toMatchObject({ key: 'LIC', label: 'Low income', classification: { basis: 'round' } });
    const answered = r.countries.filter((c) => c.answered > 0).map((c) => c.iso3);
    expect(answered.sort()).toEqual(
      [...fileClass]
        .filter(([, c]) => c.income === 'LIC')
        .map(([iso3]) => iso3)
        .sort(),
    );
    expect(answered).toHaveLength(16);
    // Those that did not answer, as the reference lists classify them at the round's end (2020).
    expect(r.countries.length).toBeGreaterThan(16);
  });

  it('gives the levels and scores worked out by hand', () => {
    expect(levelsOf(r, 'BFA', CODES)).toEqual({ answered: 23, score: 3.09, levels: 'B E C D' });
    expect(levelsOf(r, 'ETH', CODES)).toEqual({ answered: 23, score: 3.13, levels: 'C D C C' });
    expect(levelsOf(r, 'NER', CODES)).toEqual({ answered: 22, score: 1.41, levels: 'A A A A' });
    expect(levelsOf(r, 'PRK', CODES)).toEqual({ answered: 21, score: 1.86, levels: 'B B C B' });
  });

  it('counts the levels per indicator as the file gives them', () => {
    for (const code of ['4.1', '7.4', '8.1'])
      expect(statsOf(r, code)?.distribution, code).toEqual(
        distributionFromFile(code, (iso3) => fileClass.get(iso3)?.income === 'LIC'),
      );
    // 4.1: A3 B11 C1 E1 of 16: quartiles between levels (type 7).
    expect(statsOf(r, '4.1')).toMatchObject({ n: 16, median: 2, q1: 2, q3: 2 });
  });
});

describe('heatmap of a hand-picked group and of all countries', () => {
  it('keeps members without answers and orders countries by name', async () => {
    const r = await heatmap('groupType=countries&group=lbn,JOR,FRA,OMN');
    expect(r.group).toMatchObject({ key: 'LBN,JOR,FRA,OMN', label: '4 selected countries' });
    expect(r.countries.map((c) => c.iso3)).toEqual(['FRA', 'JOR', 'LBN', 'OMN']);
    expect(levelsOf(r, 'FRA', CODES)).toEqual({ answered: 22, score: 4.23, levels: 'E E E D' });
    expect(levelsOf(r, 'LBN', CODES)).toEqual({ answered: 23, score: 2.61, levels: 'C B B B' });
    expect(statsOf(r, '4.1')?.distribution).toEqual({ A: 0, B: 1, C: 1, D: 0, E: 1 });
  });

  it('defaults to all countries: 249 rows, 136 of them answered', async () => {
    const r = await heatmap('');
    expect(r.group).toMatchObject({ type: 'all', key: 'all' });
    expect(r.countries).toHaveLength(249);
    expect(r.countries.filter((c) => c.answered > 0)).toHaveLength(136);
    // 4.1 was answered by every respondent: its n is the number of countries that answered.
    expect(statsOf(r, '4.1')?.n).toBe(136);
  });
});

describe('bad input names the field', () => {
  it.each([
    ['groupType=who_region&group=MARS', 400, /group: "MARS" is not a WHO region code/],
    ['groupType=who_region', 400, /group: name a WHO region/],
    ['groupType=income_group&group=RICH', 400, /group: "RICH" is not an income group code/],
    ['groupType=income_group', 400, /group: name an income group/],
    ['groupType=countries&group=JOR,XXX', 404, /group: unknown country codes: XXX/],
    ['groupType=countries&group=JOR,12', 400, /group: not ISO3 codes: 12/],
    ['groupType=countries', 400, /group: give the ISO3 codes/],
    ['groupType=galaxy', 400, /query\.groupType/],
    ['period=1999', 404, /period: no period 1999/],
    [`groupType=countries&group=${'JOR,'.repeat(600)}`, 400, /query\.group/],
  ])('%s → %i', async (q, status, message) => {
    const res = await app.inject({ url: `/api/compare/heatmap?framework=tracss-2019-2020&${q}` });
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
  });

  it('names an unknown framework', async () => {
    const res = await app.inject({ url: '/api/compare/heatmap?framework=nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('framework: no framework with code nope');
  });
});

describe('OpenAPI', () => {
  it('documents the heatmap with its query and response schemas', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/compare/heatmap']?.get;
    expect(op?.tags).toEqual(['compare']);
    expect(op?.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ['framework', 'group', 'classification', 'groupType', 'period', 'source'].sort(),
    );
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
  });
});

describe("heatmap of the countries' national reports", () => {
  const input = {
    framework: 'tracss-2019-2020',
    groupType: 'who_region' as const,
    group: 'EMR',
    source: 'national' as const,
  };
  beforeAll(async () => {
    // Jordan's and Lebanon's own reports on question 7.4, as drafts (entered outside any reporting period).
    for (const [iso3, level] of [
      ['JOR', 'D'],
      ['LBN', 'B'],
    ] as const) {
      const { framework } = await nationalFixture(database, iso3);
      await database.rows(sql`
        update indicators set follows_indicator_id =
          (select id from indicators where framework_code = 'tracss-2019-2020' and code = '7.4')
        where framework_code = ${framework} and code = ${NATIONAL_CODES.level}`);
      await database.rows(sql`
        insert into indicator_values (indicator_id, country_iso3, period_id, level)
        select i.id, ${iso3}, p.id, ${level}
        from indicators i join periods p on p.framework_code = i.framework_code and p.code = '2019'
        where i.framework_code = ${framework} and i.code = ${NATIONAL_CODES.level}`);
    }
  });

  it("puts each member's own level in its row, and nothing of the published answers", async () => {
    const r = await groupHeatmap(database.db, { ...input, scope: { countries: 'all', drafts: 'all' } });
    expect(r.countries.length).toBe(22);
    expect(levelsOf(r, 'JOR', CODES)).toEqual({ answered: 1, score: 4, levels: '- D - -' });
    expect(levelsOf(r, 'LBN', CODES)).toEqual({ answered: 1, score: 2, levels: '- B - -' });
    // Every other member: its row, with no level (their published answers are not national reports).
    const others = r.countries.filter((c) => c.iso3 !== 'JOR' && c.iso3 !== 'LBN');
    expect(others.every((c) => c.answered === 0 && c.levels.every((l) => l === null))).toBe(true);
    expect(statsOf(r, '7.4')?.distribution).toEqual({ A: 0, B: 1, C: 0, D: 1, E: 0 });
  });

  it('shows a draft only to whom may read it', async () => {
    const jordanOnly = { countries: 'all' as const, drafts: new Set(['JOR']) };
    const r = await groupHeatmap(database.db, { ...input, scope: jordanOnly });
    expect(levelsOf(r, 'JOR', CODES).levels).toBe('- D - -');
    expect(levelsOf(r, 'LBN', CODES)).toEqual({ answered: 0, score: null, levels: '- - - -' });
    const pub = await heatmap('groupType=who_region&group=EMR&source=national');
    expect(pub.countries.every((c) => c.answered === 0)).toBe(true);
  });
});
