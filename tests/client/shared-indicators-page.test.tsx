import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SharedIndicatorListSchema, SharedIndicatorResultSchema } from '../../shared';
import { frameOf, watchChartPlaceholders } from './support/chart-placeholders';
import { allCountries } from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

const amu = {
  id: 900,
  frameworkCode: 'national-lbn',
  code: 'AMU-1',
  name: 'Antibiotic use',
  measureType: 'number',
  unit: 'DDD',
  national: true,
  follows: null,
  calculation: null,
  dataSource: null,
  collectionMethod: null,
  frequency: null,
} as const;
const tracss74 = {
  ...amu,
  id: 74,
  frameworkCode: 'tracss-2019-2020',
  code: '7.4',
  name: 'AMR surveillance',
  measureType: 'level',
  unit: null,
  national: false,
} as const;

const list = SharedIndicatorListSchema.parse({
  items: [
    { indicator: amu, countries: ['JOR', 'LBN'] },
    { indicator: tracss74, countries: ['JOR'] },
  ],
});

const plan = (id: number, title: string) => ({
  id,
  title,
  status: 'approved',
  periodStart: 2020,
  periodEnd: 2024,
});
const amuResult = SharedIndicatorResultSchema.parse({
  indicator: amu,
  group: { type: 'all', key: 'all', label: 'All countries', members: ['JOR', 'LBN'], classification: null },
  rows: [
    {
      iso3: 'JOR',
      name: 'Jordan',
      plan: plan(1, 'Jordan NAP'),
      planIndicatorId: 11,
      direction: 'decrease',
      baseline: { value: 40, level: null, year: 2018, source: null },
      illustrative: false,
      progress: {
        latest: {
          value: 28,
          level: null,
          periodCode: '2021',
          year: 2021,
          source: 'national_approved',
          sourceName: null,
        },
        target: { value: 25, level: null, year: 2022, illustrative: false },
        percentOfTarget: 80,
        status: 'on_track',
        source: 'national_approved',
      },
    },
    {
      iso3: 'LBN',
      name: 'Lebanon',
      plan: plan(2, 'Lebanon NAP'),
      planIndicatorId: 12,
      direction: 'decrease',
      baseline: { value: 30, level: null, year: 2020, source: null },
      illustrative: false,
      progress: {
        latest: {
          value: 27,
          level: null,
          periodCode: '2022',
          year: 2022,
          source: 'national_draft',
          sourceName: null,
        },
        target: { value: 20, level: null, year: 2024, illustrative: false },
        percentOfTarget: 30,
        status: 'off_track',
        source: 'national_draft',
      },
    },
  ],
});
const jordanOnly = SharedIndicatorResultSchema.parse({
  indicator: tracss74,
  group: amuResult.group,
  rows: [
    {
      ...amuResult.rows[0],
      direction: 'increase',
      baseline: null,
      illustrative: true,
      progress: {
        latest: {
          value: null,
          level: 'E',
          periodCode: '2019-2020',
          year: 2020,
          source: 'published',
          sourceName: 'TrACSS 2019–2020',
        },
        target: { value: null, level: 'D', year: 2022, illustrative: true },
        percentOfTarget: 100,
        status: 'achieved',
        source: 'illustrative',
      },
    },
  ],
});

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('Shared indicators', () => {
  it('charts and tables the most shared indicator, status in words, and keeps the choice in the address', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/indicators': () => ({ body: list }),
      '/compare/indicator': (url) => ({
        body: url.searchParams.get('indicatorId') === '74' ? jordanOnly : amuResult,
      }),
    });
    const placeholders = watchChartPlaceholders();
    const { user, router } = renderApp('/compare/indicators');
    const table = await screen.findByRole('table', { name: /AMU-1 Antibiotic use: latest value/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toMatch(/^Jordan/);
    expect(cells(rows[0] as HTMLElement)).toEqual([
      '28 DDD (2021) National report, approved',
      '40 DDD (2018)',
      '25 DDD by 2022, decrease ',
      '80 %',
      'On track',
    ]);
    expect(cells(rows[1] as HTMLElement)).toEqual([
      // Lebanon's 2022 value is not yet approved: only who may see drafts gets it, marked so.
      '27 DDD (2022) Draft, not yet approved',
      '30 DDD (2020)',
      '20 DDD by 2024, decrease ',
      '30 %',
      'Off track',
    ]);
    const chart = await screen.findByRole('img', { name: /% of target per country, AMU-1/ });
    // Before Chart.js came, the chart's place was held at the chart's height: nothing below moved.
    placeholders.stop();
    expect(placeholders.seen.map((p) => p.height)).toEqual([frameOf(chart).style.height]);
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual([
      'Jordan — On track',
      'Lebanon — Off track',
    ]);
    expect(JSON.parse(chart.getAttribute('data-datasets') ?? '[]')).toEqual([
      { label: '% of target', data: [80, 30] },
    ]);
    expect(screen.getByRole('link', { name: 'Shared indicators' }).getAttribute('aria-current')).toBe('page');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Indicator' }), '74');
    await waitFor(() => expect(router.state.location.search).toContain('indicator=74'));
    expect(await screen.findByText(/Only Jordan’s plan tracks this indicator/)).toBeTruthy();
    const single = await screen.findByRole('table', { name: /7\.4 AMR surveillance/ });
    const row = within(single).getAllByRole('row')[1] as HTMLElement;
    expect(cells(row)).toEqual([
      'E (2019-2020) Published, TrACSS 2019–2020',
      '—',
      'D by 2022, increase Illustrative',
      '100 %',
      'Achieved',
    ]);
    expect(
      JSON.parse((await screen.findByRole('img', { name: /7\.4/ })).getAttribute('data-labels') ?? '[]'),
    ).toEqual(['Jordan — Achieved — illustrative target']);
    const asked = requestedUrls(fetchMock).filter((u) => u.pathname === '/api/compare/indicator');
    expect(asked.map((u) => u.searchParams.get('indicatorId'))).toEqual(['900', '74']);
    expect(asked.every((u) => u.searchParams.get('groupType') === 'all')).toBe(true);
  });

  it('offers UN regions in the group picker and sends the choice', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/indicators': () => ({ body: list }),
      '/compare/indicator': () => ({ body: amuResult }),
    });
    const { user, router } = renderApp('/compare/indicators?indicator=900');
    await screen.findByRole('table', { name: /AMU-1/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), 'un_region');
    await user.selectOptions(screen.getByRole('combobox', { name: 'UN region' }), 'Africa');
    await waitFor(() => expect(router.state.location.search).toContain('groupType=un_region&group=Africa'));
    await waitFor(() =>
      expect(
        requestedUrls(fetchMock).some(
          (u) => u.searchParams.get('groupType') === 'un_region' && u.searchParams.get('group') === 'Africa',
        ),
      ).toBe(true),
    );
  });
});
