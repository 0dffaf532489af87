import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

function api() {
  return mockApi({
    '/countries': () => ({ body: { items: allCountries } }),
    '/compare/heatmap': () => ({ body: emrHeatmap }),
  });
}

/** Row header and cells of each body row. */
function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent));
}

describe('Heatmap page', () => {
  it('shows levels as letters, pins the case study and lists who did not answer', async () => {
    const fetchMock = api();
    renderApp('/compare/heatmap?groupType=who_region&group=EMR');
    const table = await screen.findByRole('table', {
      name: /Eastern Mediterranean Region: level of each country/,
    });
    // Default sort: score, highest first; Jordan (case study) pinned on top.
    expect(rowsOf(table)).toEqual([
      ['Jordancase study', 'EMR', '3.50', 'B', '·no answer', 'E'],
      ['Egypt', 'EMR', '3.00', 'B', 'C', 'D'],
      ['Lebanon', 'EMR', '2.33', 'C', 'B', 'B'],
    ]);
    expect(screen.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByText('No answer (1):')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Oman' }).getAttribute('href')).toBe('/countries/OMN');
    const url = requestedUrls(fetchMock).find((u) => u.pathname === '/api/compare/heatmap');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      framework: 'tracss-2019-2020',
      period: '2019-2020',
      groupType: 'who_region',
      group: 'EMR',
      source: 'published',
      classification: 'round',
    });
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent ===
            'Data: the published TrACSS 2019–2020 answers. WHO regions and income groups as in force for TrACSS 2019–2020 (the round’s own file for the countries that answered it).',
      ),
    ).toBeTruthy();
  });

  it('sorts by country, region and score with keyboard-reachable buttons, in the address', async () => {
    api();
    const { router, user } = renderApp('/compare/heatmap?groupType=who_region&group=EMR&case=none');
    const table = await screen.findByRole('table', { name: /level of each country/ });
    const names = () => rowsOf(table).map((r) => r[0]);
    expect(names()).toEqual(['Jordan', 'Egypt', 'Lebanon']);

    await user.click(within(table).getByRole('button', { name: /Country/ }));
    expect(names()).toEqual(['Egypt', 'Jordan', 'Lebanon']);
    expect(router.state.location.search).toContain('sort=country&dir=asc');
    expect(screen.getByRole('columnheader', { name: /Country/ }).getAttribute('aria-sort')).toBe('ascending');

    // Keyboard: focus the same button and press Enter to flip the direction.
    within(table)
      .getByRole('button', { name: /Country/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Lebanon', 'Jordan', 'Egypt']);
    expect(router.state.location.search).toContain('dir=desc');

    await user.click(within(table).getByRole('button', { name: /Score/ }));
    expect(names()).toEqual(['Jordan', 'Egypt', 'Lebanon']);
    await user.click(within(table).getByRole('button', { name: /Score/ }));
    expect(names()).toEqual(['Lebanon', 'Egypt', 'Jordan']);
  });

  it('opens sorted as the address says', async () => {
    api();
    renderApp('/compare/heatmap?groupType=who_region&group=EMR&case=none&sort=country&dir=desc');
    const table = await screen.findByRole('table', { name: /level of each country/ });
    expect(rowsOf(table).map((r) => r[0])).toEqual(['Lebanon', 'Jordan', 'Egypt']);
  });
});
