import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangeResultSchema, RoundListSchema } from '../../shared';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

describe('Group dashboard', () => {
  it('counts members at each level per indicator, lists who did not answer, links into the views', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
    });
    renderApp('/groups?groupType=who_region&group=EMR');
    const table = await screen.findByRole('table', { name: /members at each level/ }, FIRST_LOAD);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (r: Element) =>
      within(r as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // 4.1: EGY B, JOR B, LBN C; OMN no answer. 6.2: EGY C, LBN B → quartiles 2.25 and 2.75.
    expect(cells(rows[0] as Element)).toEqual(['0', '2', '1', '0', '0', '3', '1', 'B', 'B to B–C', 'Map']);
    expect(cells(rows[1] as Element)).toEqual([
      '0',
      '1',
      '1',
      '0',
      '0',
      '2',
      '2',
      'B–C',
      'B–C to B–C',
      'Map',
    ]);

    const summary = screen.getByRole('region', { name: 'Group summary' });
    expect(summary.textContent).toContain('4members');
    expect(summary.textContent).toContain('3answered');
    expect(summary.textContent).toContain('1without an answer');
    expect(
      within(screen.getByRole('region', { name: 'Without an answer' })).getByRole('link').textContent,
    ).toBe('Oman');
    expect(screen.getByRole('link', { name: 'Heatmap of the group' }).getAttribute('href')).toBe(
      '/compare/heatmap?groupType=who_region&group=EMR',
    );
    expect(screen.getByRole('link', { name: 'Map of 7.4' }).getAttribute('href')).toBe(
      '/compare/map?indicator=7.4&groupType=who_region&group=EMR',
    );
    expect(screen.getByRole('link', { name: 'Jordan against the group' }).getAttribute('href')).toBe(
      '/compare?country=JOR&groupType=who_region&group=EMR',
    );
  });

  it('lists the biggest movers to the latest round over the crosswalk’s compared questions', async () => {
    const rounds = RoundListSchema.parse({
      items: [
        {
          code: 'tracss-2019-2020',
          name: 'TrACSS 2019–2020',
          periods: ['2019-2020'],
          questions: 113,
          mapping: null,
        },
        { code: 'tracss-2025', name: 'TrACSS 2025', periods: ['2025'], questions: 44, mapping: null },
      ],
    });
    const change = ChangeResultSchema.parse({
      from: { framework: 'tracss-2019-2020', period: '2019-2020' },
      to: { framework: 'tracss-2025', period: '2025' },
      group: emrHeatmap.group,
      pairs: [],
      notComparable: [],
      movers: [
        { iso3: 'LBN', name: 'Lebanon', improved: 4, regressed: 1, same: 3, net: 5 },
        { iso3: 'JOR', name: 'Jordan', improved: 6, regressed: 4, same: 5, net: 1 },
        { iso3: 'EGY', name: 'Egypt', improved: 2, regressed: 2, same: 4, net: 0 },
      ],
    });
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/rounds': () => ({ body: rounds }),
      '/compare/change': () => ({ body: change }),
    });
    renderApp('/groups?groupType=who_region&group=EMR');
    const movers = await screen.findByRole(
      'table',
      { name: /Net level steps over the compared questions/ },
      FIRST_LOAD,
    );
    expect(movers.querySelector('caption')?.textContent).toContain('“Caution: levels reworded” included');
    // Who did not move (net 0) is left out; the largest move first.
    expect(
      within(movers)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)),
    ).toEqual([
      ['Lebanon', '+5', '4', '1'],
      ['Jordan', '+1', '6', '4'],
    ]);
    const asked = requestedUrls(fetchMock).find((u) => u.pathname === '/api/compare/change');
    expect([asked?.searchParams.get('from'), asked?.searchParams.get('to')]).toEqual([
      'tracss-2019-2020',
      'tracss-2025',
    ]);
    expect(screen.getByRole('heading', { name: 'Biggest movers up to TrACSS 2025' })).toBeTruthy();
  });
});
