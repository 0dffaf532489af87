import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

describe('Group dashboard', () => {
  it('counts members at each level per indicator, lists who did not answer, links into the views', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
    });
    renderApp('/groups?groupType=who_region&group=EMR');
    const table = await screen.findByRole('table', { name: /members at each level/ });
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
});
