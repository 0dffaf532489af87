import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { roundMembers } from '../../server/modules/compare/round-class-repository';
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
let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
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

  it('/api/compare of Indonesia defaults to the region the round gives it, the period named or not', async () => {
    for (const period of ['', '&period=2019-2020']) {
      const round = await get<CompareResult>(
        `/api/compare?framework=tracss-2019-2020&country=IDN&groupType=who_region${period}`,
      );
      expect(round.group).toMatchObject({ key: 'SEAR', classification: { basis: 'round' } });
      expect(round.group.members).toContain('IDN');
      const today = await get<CompareResult>(
        `/api/compare?framework=tracss-2019-2020&country=IDN&groupType=who_region&classification=today${period}`,
      );
      expect(today.group).toMatchObject({ key: 'WPR', classification: { basis: 'today' } });
    }
    // A region named outright is the one compared, whatever the country's own.
    const named = await get<CompareResult>(
      '/api/compare?framework=tracss-2019-2020&country=IDN&groupType=who_region&group=EMR',
    );
    expect(named.group.key).toBe('EMR');
    expect(named.group.members).not.toContain('IDN');
  });

  it('today’s reference comes from the lists shipped, with where each value comes from', async () => {
    const idn = await get<{ whoRegion: string; incomeGroup: string }>('/api/countries/IDN');
    expect(idn).toMatchObject({ whoRegion: 'WPR', incomeGroup: 'LMC' });
  });
});

describe('a round group’s members, computed as one set', () => {
  it('are, for every round, date and group, the countries nap_round_class puts in it', async () => {
    const rounds = await database.rows<{ code: string; name: string; endDate: string }>(sql`
      select f.code, f.name, max(p.end_date)::text as "endDate" from frameworks f
      join periods p on p.framework_code = f.code where f.kind <> 'national' group by f.code, f.name`);
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    // Each round's own end, and dates before, between and after the shipped reference's changes.
    const dates = ['2000-01-01', '2019-06-30', '2021-07-01', '2024-07-01', '2030-01-01'];
    let compared = 0;
    for (const r of rounds) {
      for (const endDate of [r.endDate, ...dates]) {
        const round = { frameworkCode: r.code, frameworkName: r.name, endDate };
        for (const attribute of ['who_region', 'income_group']) {
          const expected = await database.rows<{ iso3: string; value: string | null }>(sql`
            select iso3, nap_round_class(iso3, ${attribute}, ${r.code}, ${endDate}::date) as value
            from countries order by name, iso3`);
          const keys = [...new Set(expected.map((e) => e.value))].filter((k): k is string => k !== null);
          expect(keys.length).toBeGreaterThanOrEqual(4);
          for (const key of keys) {
            const members = await roundMembers(database.db, attribute, key, round);
            expect(members, `${r.code} ${endDate} ${attribute} ${key}`).toEqual(
              expected.filter((e) => e.value === key).map((e) => e.iso3),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('a round group’s members, where the reference has two entries in force', () => {
  it('take the one that starts last, as nap_round_class does', async () => {
    const round = {
      frameworkCode: 'tracss-2019-2020',
      frameworkName: 'TrACSS 2019–2020',
      endDate: '2024-07-01',
    };
    const rollback = new Error('rollback');
    const seen = await database.db
      .transaction(async (tx) => {
        // JOR's 2023–2025 entry (LMC) and an overlapping later one (LIC from 2024): the later wins.
        await tx.execute(sql`insert into country_classifications (iso3, attribute, value, valid_from, source)
          values ('JOR', 'income_group', 'LIC', '2024-01-01', 'test: an overlapping entry')`);
        const expected = await database.rows<{ value: string | null }>(
          sql`select nap_round_class('JOR', 'income_group', 'no-such-round', '2024-07-01'::date) as value`,
          tx,
        );
        const asRound = { ...round, frameworkCode: 'no-such-round' };
        const seen = {
          fn: expected[0]?.value,
          lic: (await roundMembers(tx, 'income_group', 'LIC', asRound)).includes('JOR'),
          lmc: (await roundMembers(tx, 'income_group', 'LMC', asRound)).includes('JOR'),
        };
        throw Object.assign(rollback, { seen });
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
        return (e as Error & { seen: { fn: string; lic: boolean; lmc: boolean } }).seen;
      });
    expect(seen).toEqual({ fn: 'LIC', lic: true, lmc: false });
  });
});
