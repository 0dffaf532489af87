import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult, HeatmapResult } from '../../shared';
import { openTestApp } from '../setup/test-db';

let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close());

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/*
 * Worked out by hand (python over tests/fixtures/tracss_2019_2020_long.csv and
 * countries_reference.csv, column un_m49_region): UN M49 Asia has 50 countries and territories, 45
 * of them answered TrACSS 2019–2020; Oceania has 29, of which AUS FJI FSM NZL PNG SLB answered.
 * Scores A=1 … E=5, quartiles by linear interpolation at h=(n−1)p.
 */
describe('Jordan against its UN region, Asia', () => {
  let r: CompareResult;
  beforeAll(async () => {
    r = await get('/api/compare?framework=tracss-2019-2020&country=JOR&groupType=un_region');
  });
  const row = (code: string) => r.rows.find((x) => x.indicator.code === code);

  it('defaults to Jordan’s own UN region', () => {
    expect(r.group).toMatchObject({ type: 'un_region', key: 'Asia', label: 'Asia (UN region)' });
    expect(r.group.members).toHaveLength(50);
    expect(r.group.members).toContain('JOR');
    expect(r.group.members).not.toContain('EGY'); // WHO EMR, but UN Africa
  });

  it('4.1: n 45, B17 C10 D7 E11; Jordan B ranks 29th, percentile 18.2', () => {
    const x = row('4.1');
    expect(x?.stats).toEqual({
      n: 45,
      distribution: { A: 0, B: 17, C: 10, D: 7, E: 11 },
      median: 3,
      q1: 2,
      q3: 4,
    });
    // 10 C + 7 D + 11 E above → rank 29; (0 below + 16 other B / 2) / 44 peers = 18.2 %
    expect(x?.countryLevel).toBe('B');
    expect(x?.rank).toBe(29);
    expect(x?.percentile).toBe(18.2);
  });

  it('7.4: n 44, B10 C14 D13 E7; Jordan E first, percentile 93', () => {
    const x = row('7.4');
    expect(x?.stats).toEqual({
      n: 44,
      distribution: { A: 0, B: 10, C: 14, D: 13, E: 7 },
      median: 3,
      q1: 3,
      q3: 4,
    });
    expect(x?.rank).toBe(1);
    expect(x?.percentile).toBe(93); // (37 below + 6 other E / 2) / 43
  });

  it('accepts any capitalisation and names a wrong region', async () => {
    const other = await get<CompareResult>(
      '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=un_region&group=oceania',
    );
    expect(other.group.key).toBe('Oceania');
    const res = await app.inject({
      url: '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=un_region&group=Atlantis',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^group: "Atlantis" is not a UN M49 region/);
  });
});

describe('heatmap and change of Oceania', () => {
  it('lists the 29 members, 6 answered, with levels and scores worked out by hand', async () => {
    const h = await get<HeatmapResult>(
      '/api/compare/heatmap?framework=tracss-2019-2020&groupType=un_region&group=Oceania',
    );
    expect(h.countries).toHaveLength(29);
    expect(
      h.countries
        .filter((c) => c.answered > 0)
        .map((c) => c.iso3)
        .sort(),
    ).toEqual(['AUS', 'FJI', 'FSM', 'NZL', 'PNG', 'SLB']);
    const col = (code: string) => h.indicators.findIndex((i) => i.code === code);
    const levels = (code: string) =>
      Object.fromEntries(h.countries.filter((c) => c.answered > 0).map((c) => [c.iso3, c.levels[col(code)]]));
    expect(levels('7.4')).toEqual({ AUS: 'D', FJI: 'B', FSM: 'D', NZL: 'C', PNG: 'B', SLB: 'B' });
    expect(levels('9.1')).toEqual({ AUS: 'D', FJI: 'C', FSM: 'A', NZL: 'C', PNG: 'A', SLB: 'D' });
    expect(h.indicators[col('9.1')]?.stats).toEqual({
      n: 6,
      distribution: { A: 2, B: 0, C: 2, D: 2, E: 0 },
      median: 3,
      q1: 1.5,
      q3: 3.75,
    });
    const score = (iso3: string) => h.countries.find((c) => c.iso3 === iso3)?.score;
    expect([score('AUS'), score('SLB')]).toEqual([3.61, 2.13]);
  });

  it('needs a region name without a country', async () => {
    const res = await app.inject({
      url: '/api/compare/heatmap?framework=tracss-2019-2020&groupType=un_region',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^group: name a UN region/);
  });
});
