import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { frameOf, watchChartPlaceholders } from './support/chart-placeholders';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

describe('Map page', () => {
  it('draws the map and gives the same numbers in its key and its table', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
    });
    const placeholders = watchChartPlaceholders();
    const { router, user } = renderApp('/compare/map?groupType=who_region&group=EMR&indicator=7.4');

    const map = await screen.findByTestId('choropleth-map', {}, FIRST_LOAD);
    expect(map.getAttribute('role')).toBe('img');
    // Before the map's code came, its place was held by a frame of the map's size: nothing below moved.
    placeholders.stop();
    expect(placeholders.seen.map((p) => p.className)).toEqual([frameOf(map).className]);
    expect(frameOf(map).className).toBe('chart-frame chart-frame--map');
    expect(map.getAttribute('aria-label')).toContain('1 at B, 0 at C, 1 at D, 1 at E, 1 without an answer');
    // Every world-atlas shape is drawn; the group's members carry their level in the label.
    const labels = JSON.parse(map.getAttribute('data-labels') ?? '[]') as string[];
    expect(labels.length).toBeGreaterThan(170);
    expect(labels).toEqual(
      expect.arrayContaining(['Jordan: E', 'Egypt: D', 'Lebanon: B', 'Oman: no answer', 'France']),
    );

    const key = screen.getByRole('list', { name: 'Map key' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Level A: 0',
      'Level B: 1',
      'Level C: 0',
      'Level D: 1',
      'Level E: 1',
      'No answer: 1',
      'Not in the group',
      'Case study (orange outline)',
    ]);

    const table = screen.getByRole('table', {
      name: /7\.4 National surveillance system for AMR in humans: level/,
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [within(r).getByRole('rowheader').textContent, within(r).getByRole('cell').textContent]);
    expect(rows).toEqual([
      ['Jordancase study', 'E'],
      ['Egypt', 'D'],
      ['Lebanon', 'B'],
      ['Oman', 'No answer'],
    ]);

    await user.selectOptions(screen.getByLabelText('Indicator'), '4.1');
    expect(router.state.location.search).toContain('indicator=4.1');
    expect(screen.getByRole('list', { name: 'Map key' }).textContent).toContain('Level B: 2');
  });
});
