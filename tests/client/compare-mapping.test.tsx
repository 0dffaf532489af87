import { describe, expect, it } from 'vitest';
import { indicatorRows, levelCounts, toChoroplethData } from '../../client/components/charts/map-data';
import {
  caseStudyFromSearchParams,
  groupFromSearchParams,
  groupQuery,
  isComplete,
  parseIso3List,
  viewSearch,
  withGroup,
} from '../../client/features/compare/group-params';
import { nextSort, sortFromSearchParams, sortHeatmapRows } from '../../client/features/compare/heatmap-sort';
import { distributionPointLabel, toDistributionChartData } from '../../shared/charts/distribution-chart';
import { LEVEL_COLOURS, NO_ANSWER_FILL, OUTSIDE_GROUP_FILL } from '../../shared/charts/palette';
import { compareRow41, jordanCompare } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';

const fallback = { groupType: 'all' } as const;
const sp = (s: string) => new URLSearchParams(s);

describe('group selection in the address', () => {
  it('reads each group type and falls back on bad input', () => {
    expect(groupFromSearchParams(sp('groupType=who_region&group=EMR'), fallback)).toEqual({
      groupType: 'who_region',
      group: 'EMR',
    });
    expect(groupFromSearchParams(sp('groupType=income_group&group=LIC'), fallback)).toEqual({
      groupType: 'income_group',
      group: 'LIC',
    });
    expect(groupFromSearchParams(sp('groupType=countries&group=jor,FRA,,xx1,JOR'), fallback)).toEqual({
      groupType: 'countries',
      group: ['JOR', 'FRA'],
    });
    expect(groupFromSearchParams(sp('groupType=all&group=EMR'), fallback)).toEqual({ groupType: 'all' });
    expect(groupFromSearchParams(sp('groupType=who_region&group=MARS'), fallback)).toBe(fallback);
    expect(groupFromSearchParams(sp('groupType=galaxy'), fallback)).toBe(fallback);
    expect(groupFromSearchParams(sp(''), fallback)).toBe(fallback);
  });

  it('writes the group, keeping other parameters, and drops group for all', () => {
    expect(withGroup(sp('country=EGY&group=EMR'), { groupType: 'all' }).toString()).toBe(
      'country=EGY&groupType=all',
    );
    expect(
      decodeURIComponent(
        withGroup(sp('sort=score'), { groupType: 'countries', group: ['JOR', 'LBN'] }).toString(),
      ),
    ).toBe('sort=score&groupType=countries&group=JOR,LBN');
  });

  it('gives the API query and knows when a hand-picked group is empty', () => {
    expect(groupQuery({ groupType: 'all' })).toEqual({ groupType: 'all' });
    expect(groupQuery({ groupType: 'countries', group: ['JOR', 'LBN'] })).toEqual({
      groupType: 'countries',
      group: 'JOR,LBN',
    });
    expect(isComplete({ groupType: 'countries', group: [] })).toBe(false);
    expect(isComplete({ groupType: 'who_region', group: 'AFR' })).toBe(true);
  });

  it('pins Jordan by default, another country with case=, none with case=none', () => {
    expect(caseStudyFromSearchParams(sp(''))).toBe('JOR');
    expect(caseStudyFromSearchParams(sp('case=syr'))).toBe('SYR');
    expect(caseStudyFromSearchParams(sp('case=none'))).toBeNull();
    expect(caseStudyFromSearchParams(sp('case=12'))).toBe('JOR');
    expect(viewSearch({ groupType: 'who_region', group: 'EMR' }, 'JOR')).toBe(
      '?groupType=who_region&group=EMR',
    );
    expect(viewSearch({ groupType: 'all' }, null, { indicator: '4.1' })).toBe(
      '?indicator=4.1&groupType=all&case=none',
    );
  });

  it('bounds a hand-picked list to 300 countries', () => {
    const codes = Array.from(
      { length: 400 },
      (_, i) => `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
    );
    expect(parseIso3List(codes.join(','))).toHaveLength(300);
  });
});

describe('heatmap sorting', () => {
  const rows = emrHeatmap.countries;
  const names = (s: Parameters<typeof sortHeatmapRows>[1]) => sortHeatmapRows(rows, s).map((c) => c.iso3);

  it('sorts by score (no score last), by name and by region with name as tie-break', () => {
    expect(names({ key: 'score', dir: 'desc' })).toEqual(['JOR', 'EGY', 'LBN', 'OMN']);
    expect(names({ key: 'score', dir: 'asc' })).toEqual(['LBN', 'EGY', 'JOR', 'OMN']);
    expect(names({ key: 'country', dir: 'asc' })).toEqual(['EGY', 'JOR', 'LBN', 'OMN']);
    expect(names({ key: 'country', dir: 'desc' })).toEqual(['OMN', 'LBN', 'JOR', 'EGY']);
    const mixed = [
      { ...rows[0], iso3: 'FRA', name: 'France', whoRegion: 'EUR' as const },
      ...rows,
    ] as typeof rows;
    expect(sortHeatmapRows(mixed, { key: 'region', dir: 'asc' }).map((c) => c.iso3)).toEqual([
      'FRA',
      'EGY',
      'JOR',
      'LBN',
      'OMN',
    ]);
    expect(sortHeatmapRows(mixed, { key: 'region', dir: 'desc' })[4]?.iso3).toBe('FRA');
  });

  it('reads the sort from the address and flips on a second click', () => {
    expect(sortFromSearchParams(sp(''))).toEqual({ key: 'score', dir: 'desc' });
    expect(sortFromSearchParams(sp('sort=country'))).toEqual({ key: 'country', dir: 'asc' });
    expect(sortFromSearchParams(sp('sort=nope&dir=up'))).toEqual({ key: 'score', dir: 'desc' });
    expect(nextSort({ key: 'score', dir: 'desc' }, 'country')).toEqual({ key: 'country', dir: 'asc' });
    expect(nextSort({ key: 'country', dir: 'asc' }, 'country')).toEqual({ key: 'country', dir: 'desc' });
  });
});

describe('toDistributionChartData', () => {
  it('stacks the shares of A–E per indicator, in %, with letters of the labelled countries', () => {
    const d = toDistributionChartData(jordanCompare.rows, [
      {
        name: 'Jordan',
        levels: new Map([
          ['4.1', 'B'],
          ['7.4', 'E'],
        ]),
      },
    ]);
    expect(d.labels).toEqual([
      ['4.1', 'Jordan B'],
      ['6.2', 'Jordan —'],
      ['7.4', 'Jordan E'],
    ]);
    expect(d.datasets.map((s) => s.label)).toEqual(['Level A', 'Level B', 'Level C', 'Level D', 'Level E']);
    // Distribution A2 B5 C6 D5 E3 of 21.
    expect(d.datasets.map((s) => s.data[0])).toEqual([9.5, 23.8, 28.6, 23.8, 14.3]);
    expect(d.datasets.map((s) => s.backgroundColor)).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((l) => LEVEL_COLOURS[l as 'A'].fill),
    );
    expect(d.datasets.every((s) => s.stack === 'levels')).toBe(true);
  });

  it('gives zeros (no bar) for an indicator nobody answered, and plain codes without labelled countries', () => {
    const empty = {
      ...compareRow41,
      stats: { ...compareRow41.stats, n: 0, distribution: { A: 0, B: 0, C: 0, D: 0, E: 0 } },
    };
    const d = toDistributionChartData([empty]);
    expect(d.labels).toEqual([['4.1']]);
    expect(d.datasets.map((s) => s.data[0])).toEqual([0, 0, 0, 0, 0]);
  });

  it('speaks shares and counts in tooltips', () => {
    expect(distributionPointLabel(compareRow41, 'C', 28.6)).toBe('Level C: 28.6 % (6 of 21)');
  });
});

describe('map data', () => {
  const features = [
    { id: '400', properties: { name: 'Jordan' } },
    { id: '818', properties: { name: 'Egypt' } },
    { id: '512', properties: { name: 'Oman' } },
    { id: '250', properties: { name: 'France' } },
    { properties: { name: 'Somaliland' } },
  ];

  it('lists the members by level (best first) and counts them', () => {
    const rows = indicatorRows(emrHeatmap, '7.4');
    expect(rows.map((r) => `${r.iso3}:${r.level}`)).toEqual(['JOR:E', 'EGY:D', 'LBN:B', 'OMN:null']);
    expect(levelCounts(rows)).toEqual({ A: 0, B: 1, C: 0, D: 1, E: 1, none: 1 });
    expect(indicatorRows(emrHeatmap, '99')).toEqual([]);
  });

  it('joins shapes to countries by ISO numeric code and colours members, non-answers and the rest', () => {
    const rows = indicatorRows(emrHeatmap, '7.4');
    const d = toChoroplethData(features, rows, 'JOR', '7.4');
    const [ds] = d.datasets;
    expect(d.labels).toEqual(['Jordan: E', 'Egypt: D', 'Oman: no answer', 'France', 'Somaliland']);
    expect(ds?.data.map((p) => p.value)).toEqual([5, 4, Number.NaN, Number.NaN, Number.NaN]);
    expect(ds?.backgroundColor).toEqual([
      LEVEL_COLOURS.E.fill,
      LEVEL_COLOURS.D.fill,
      NO_ANSWER_FILL,
      OUTSIDE_GROUP_FILL,
      OUTSIDE_GROUP_FILL,
    ]);
    // The case study stands out by its outline.
    expect(ds?.borderWidth).toEqual([2.5, 0.4, 0.4, 0.4, 0.4]);
    // Lebanon has no shape here: the table lists it.
    expect(d.unmapped.map((r) => r.iso3)).toEqual(['LBN']);
  });

  it('pads numeric ids to three digits', () => {
    const d = toChoroplethData(
      [{ id: 4, properties: null }],
      [{ iso3: 'AFG', name: 'Afghanistan', m49Code: '004', level: 'B' }],
      null,
      'x',
    );
    expect(d.labels).toEqual(['Afghanistan: B']);
  });
});
