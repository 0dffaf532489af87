import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  aruba,
  errorEnvelope,
  indicators,
  jordan,
  jordanCompare,
  jordanValues,
  page,
} from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

function jordanApi() {
  return mockApi({
    '/countries/JOR': () => ({ body: jordan }),
    '/countries/ABW': () => ({ body: aruba }),
    '/countries/XXX': () => ({ status: 404, body: errorEnvelope(404, 'Country XXX not found') }),
    '/values': (url) => ({ body: page(url.searchParams.get('country') === 'JOR' ? jordanValues : []) }),
    '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
    '/compare': () => ({ body: jordanCompare }),
  });
}

describe('Country page', () => {
  it('shows the header and the TrACSS 2019–2020 profile', async () => {
    jordanApi();
    renderApp('/countries/JOR');
    // The page's chunk loads first (lazy route), then its loading state shows.
    expect((await screen.findByRole('status')).textContent).toContain('Loading country');

    expect(await screen.findByRole('heading', { level: 1, name: 'Jordan' })).toBeTruthy();
    expect(screen.getByText('Eastern Mediterranean Region', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('Upper middle income')).toBeTruthy();

    const profile = await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' });
    const rows = within(profile).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByText('4.1')).toBeTruthy();
    expect(within(first).getByText('B')).toBeTruthy();
    expect(
      within(first).getByText(
        'Multi-sectoral working group(s) or coordination committee on AMR established with Government leadership.',
      ),
    ).toBeTruthy();
    expect(within(first).getByText('Human health, Terrestrial animal health, Environment')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('No answer')).toBeTruthy();
  });

  it('compares with the WHO-region peers in a chart and a table alternative', async () => {
    const fetchMock = jordanApi();
    renderApp('/countries/JOR');

    const chart = await screen.findByTestId('compare-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toContain('Jordan');
    expect(screen.getByRole('img', { name: /Eastern Mediterranean Region/ })).toBe(chart);
    const datasets = JSON.parse(chart.getAttribute('data-datasets') ?? '[]') as { label: string }[];
    expect(datasets.map((d) => d.label)).toEqual([
      'Jordan',
      'Eastern Mediterranean Region: middle half (Q1–Q3)',
      'Eastern Mediterranean Region: median',
    ]);

    const table = screen.getByRole('table', {
      name: 'Jordan compared with the Eastern Mediterranean Region',
    });
    const [header, ...rows] = within(table).getAllByRole('row');
    expect(
      within(header as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Indicator',
      'Jordan',
      'Group median',
      'Middle half (Q1–Q3)',
      'Countries answering (n)',
      'Rank',
    ]);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(rows[0] as HTMLElement)).toEqual(['B', 'C–D', 'B to D', '21', '15 of 21']);
    expect(cells(rows[1] as HTMLElement)).toEqual(['No answer', 'C', 'B to D', '20', '—']);
    expect(cells(rows[2] as HTMLElement)).toEqual(['E', 'C', 'C', '21', '1 of 21']);

    const compareUrl = requestedUrls(fetchMock).find((u) => u.pathname === '/api/compare');
    expect(Object.fromEntries(compareUrl?.searchParams ?? [])).toEqual({
      framework: 'tracss-2019-2020',
      period: '2019-2020',
      country: 'JOR',
    });
  });

  it('says clearly when a country did not answer TrACSS', async () => {
    const fetchMock = jordanApi();
    renderApp('/countries/ABW');
    expect(await screen.findByText('No TrACSS 2019–2020 answer.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Aruba' })).toBeTruthy();
    expect(screen.queryByTestId('compare-chart')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(requestedUrls(fetchMock).some((u) => u.pathname === '/api/compare')).toBe(false);
  });

  it("shows the server's message for an unknown country", async () => {
    jordanApi();
    renderApp('/countries/XXX');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Country XXX not found');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('keeps the profile when the comparison fails, with its own error and retry', async () => {
    let fail = true;
    mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () =>
        fail ? { status: 500, body: errorEnvelope(500, 'Comparison failed') } : { body: jordanCompare },
    });
    const { user } = renderApp('/countries/JOR');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Comparison failed');
    expect(screen.getByRole('table', { name: 'TrACSS 2019–2020 profile' })).toBeTruthy();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('compare-chart')).toBeTruthy();
  });
});
