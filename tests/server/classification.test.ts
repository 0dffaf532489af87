import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult, HeatmapResult } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { distributionFromFile, fileClass } from './support/tracss-file';

/*
 * Classification as of the round: a comparison of TrACSS 2019–2020 groups countries as the round's
 * own file classifies them (its WHO Region and World Bank classification columns), unless the user
 * asks for today's classification — and says which. Expected counts are made from the round's
 * answers as the portal published them (tests/fixtures/tracss_2019_2020_long.csv), not by the app.
 */
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close?.());

const get = async <T>(url: string): Promise<T> => {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the 2019–2020 round, classified as its own file classifies its respondents', () => {
  it('seven respondents are in another income group than today’s reference gives them', async () => {
    const today = new Map(
      (await get<{ items: { iso3: string; incomeGroup: string | null }[] }>('/api/countries')).items.map(
        (c) => [c.iso3, c.incomeGroup],
      ),
    );
    // Today's reference: the 2025 round's income groups where it has them (JOR back to upper-middle).
    const moved = [...fileClass].filter(([iso3, c]) => today.get(iso3) !== c.income).map(([iso3]) => iso3);
    // Today's reference gives the income groups of the 2025 round's file where it has them: of the
    // seven the first release placed otherwise (JOR, LBN, IRN, GUY, MDA, TJK, GIN), Jordan, Guyana
    // and Guinea are back in the group of the 2019–2020 file; Indonesia and Zambia have moved since.
    expect(moved.sort()).toEqual(['IDN', 'IRN', 'LBN', 'MDA', 'TJK', 'ZMB']);
  });

  it.each(['LIC', 'LMC', 'UMC', 'HIC'])(
    'income group %s: the A–E counts of 4.1 are the file’s',
    async (group) => {
      const r = await get<HeatmapResult>(
        `/api/compare/heatmap?framework=tracss-2019-2020&groupType=income_group&group=${group}`,
      );
      expect(r.group.classification).toMatchObject({
        basis: 'round',
        note: expect.stringMatching(/TrACSS 2019–2020/),
      });
      const stats = r.indicators.find((i) => i.code === '4.1')?.stats;
      expect(stats?.distribution).toEqual(
        distributionFromFile('4.1', (iso3) => fileClass.get(iso3)?.income === group),
      );
      // Every respondent the file puts in the group is a member, and shows the round's group.
      const members = new Set(r.group.members);
      for (const [iso3, c] of fileClass) if (c.income === group) expect(members.has(iso3), iso3).toBe(true);
      for (const c of r.countries) if (fileClass.has(c.iso3)) expect(c.incomeGroup).toBe(group);
    },
  );

  it('/api/compare of Jordan defaults to its income group as the round gives it, and says so', async () => {
    const round = await get<CompareResult>(
      '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=income_group',
    );
    expect(round.group).toMatchObject({
      key: fileClass.get('JOR')?.income,
      classification: { basis: 'round' },
    });
    const x = round.rows.find((r) => r.indicator.code === '9.1');
    expect(x?.stats.distribution).toEqual(
      distributionFromFile('9.1', (iso3) => fileClass.get(iso3)?.income === fileClass.get('JOR')?.income),
    );
    const today = await get<CompareResult>(
      '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=income_group&classification=today',
    );
    expect(today.group.classification).toMatchObject({ basis: 'today' });
    expect(today.group.key).toBe('UMC'); // the 2025 file's income group for Jordan, as in 2019–2020
  });

  it('Indonesia is in South-East Asia for 2019–2020 and in the Western Pacific today', async () => {
    const sear = await get<HeatmapResult>(
      '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=SEAR',
    );
    const wpr = await get<HeatmapResult>(
      '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=WPR',
    );
    expect(sear.group.members).toContain('IDN');
    expect(wpr.group.members).not.toContain('IDN');
    const wprToday = await get<HeatmapResult>(
      '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=WPR&classification=today',
    );
    expect(wprToday.group.members).toContain('IDN');
    for (const region of ['SEAR', 'WPR', 'EMR'])
      expect(
        (
          await get<HeatmapResult>(
            `/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=${region}`,
          )
        ).indicators.find((i) => i.code === '7.4')?.stats.distribution,
      ).toEqual(distributionFromFile('7.4', (iso3) => fileClass.get(iso3)?.region === region));
  });

  it('today’s reference comes from the lists shipped, with where each value comes from', async () => {
    const idn = await get<{ whoRegion: string; incomeGroup: string }>('/api/countries/IDN');
    expect(idn).toMatchObject({ whoRegion: 'WPR', incomeGroup: 'LMC' });
  });
});
