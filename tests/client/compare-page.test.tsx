import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fr } from '../../client/i18n/locales/fr';
import { allCountries, jordanCompare } from './support/fixtures';
import { egyptCompare } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

function api() {
  return mockApi({
    '/countries': () => ({ body: { items: allCountries } }),
    '/compare': (url) => {
      const country = url.searchParams.get('country');
      const base = country === 'JOR' ? jordanCompare : egyptCompare;
      // As the server does: the group's type and key follow the query (the page names the group from them).
      const type = url.searchParams.get('groupType');
      const picked = (url.searchParams.get('group') ?? '').split(',');
      const group =
        type === 'income_group'
          ? { ...base.group, type: 'income_group', key: 'LMC', label: 'Lower middle income' }
          : type === 'countries'
            ? // The server's own label is English, whatever the reader's language.
              {
                ...base.group,
                type,
                key: picked.join(','),
                label: `${picked.length} selected countries`,
                members: picked,
              }
            : base.group;
      return { body: { ...base, group } };
    },
  });
}

const compareRequests = (fetchMock: ReturnType<typeof api>) =>
  requestedUrls(fetchMock)
    .filter((u) => u.pathname === '/api/compare')
    .map((u) => Object.fromEntries(u.searchParams));

describe('Compare page (country against a group)', () => {
  it('shows the distribution chart and a table with the pinned case study', async () => {
    const fetchMock = api();
    renderApp('/compare?country=EGY&groupType=who_region&group=EMR');
    const table = await screen.findByRole('table', {
      name: /Egypt compared with the Eastern Mediterranean Region/,
    });
    const [header, ...rows] = within(table).getAllByRole('row');
    expect(
      within(header as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Indicator',
      'Egypt',
      'Jordan (case study)',
      'A',
      'B',
      'C',
      'D',
      'E',
      'n',
      'Median',
      'Q1–Q3',
      'Rank',
      'Percentile',
    ]);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['B', 'B', '2', '5', '6', '5', '3', '21', 'C–D', 'B to D', '15 of 21', '35 %']);
    expect(within(rows[1] as HTMLElement).getAllByRole('cell')[1]?.textContent).toBe('No answer');

    const chart = await screen.findByTestId('distribution-chart');
    expect(chart.getAttribute('aria-label')).toMatch(
      /share of the Eastern Mediterranean Region at each level/,
    );
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual([
      ['4.1', 'Egypt B · Jordan B'],
      ['6.2', 'Egypt C · Jordan —'],
      ['7.4', 'Egypt D · Jordan E'],
    ]);
    expect(compareRequests(fetchMock)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ country: 'EGY', groupType: 'who_region', group: 'EMR' }),
        expect.objectContaining({ country: 'JOR', groupType: 'who_region', group: 'EMR' }),
      ]),
    );
  });

  it('the group picker updates the address and the request', async () => {
    const fetchMock = api();
    const { router, user } = renderApp('/compare?country=EGY&groupType=who_region&group=EMR');
    await screen.findByRole('table', { name: /Egypt compared with/ });

    await user.selectOptions(screen.getByLabelText('Compare with'), 'income_group');
    // Egypt's own income group is the default of the new group type.
    expect(new URLSearchParams(router.state.location.search).get('groupType')).toBe('income_group');
    expect(new URLSearchParams(router.state.location.search).get('group')).toBe('LMC');
    expect(
      await screen.findByRole('table', { name: /Egypt compared with the Lower middle income/ }),
    ).toBeTruthy();
    expect(compareRequests(fetchMock).at(-1)).toMatchObject({ groupType: 'income_group', group: 'LMC' });

    await user.selectOptions(screen.getByLabelText('Income group'), 'HIC');
    expect(router.state.location.search).toContain('group=HIC');
    expect(compareRequests(fetchMock).some((q) => q.group === 'HIC' && q.country === 'EGY')).toBe(true);
  });

  it('builds a hand-picked group with search, add and remove', async () => {
    const fetchMock = api();
    const { router, user } = renderApp('/compare?country=EGY');
    await screen.findByRole('table', { name: /Egypt compared with/ });
    const before = compareRequests(fetchMock).length;

    await user.selectOptions(screen.getByLabelText('Compare with'), 'countries');
    expect(screen.getByText('Add at least one country to the group to compare with.')).toBeTruthy();
    expect(compareRequests(fetchMock)).toHaveLength(before);

    await user.type(screen.getByLabelText('Add a country'), 'fra');
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: /France/ }));
    await user.type(screen.getByLabelText('Add a country'), 'jor');
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: /Jordan/ }));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('groupType')).toBe('countries');
    expect(params.get('group')).toBe('FRA,JOR');
    await screen.findByRole('table', { name: /Egypt compared with the 2 selected countries/ });
    expect(compareRequests(fetchMock).at(-1)).toMatchObject({ groupType: 'countries', group: 'FRA,JOR' });
    expect(
      screen.getByRole('heading', { level: 2, name: /^Egypt and 2 selected countries, TrACSS/ }),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove France' }));
    expect(new URLSearchParams(router.state.location.search).get('group')).toBe('JOR');
    expect(
      await screen.findByRole('heading', { level: 2, name: /^Egypt and 1 selected country, TrACSS/ }),
    ).toBeTruthy();
  });

  it("names a hand-picked list the country belongs to as the country among them, in the reader's language", async () => {
    api();
    renderApp('/compare?country=EGY&groupType=countries&group=EGY,JOR,LBN');
    expect(
      await screen.findByRole('heading', { level: 2, name: /^Egypt among 3 selected countries, TrACSS/ }),
    ).toBeTruthy();
    cleanup();

    api();
    renderApp('/compare?country=EGY&groupType=countries&group=EGY,JOR,LBN', { locale: 'fr', catalog: fr });
    expect(
      await screen.findByRole('heading', { level: 2, name: /^Égypte parmi 3 pays sélectionnés, TrACSS/ }),
    ).toBeTruthy();
    // The table names the list in French too, not with the server's English label.
    expect(await screen.findByRole('table', { name: /3 pays sélectionnés/ })).toBeTruthy();
    expect(screen.queryByText(/selected countries/)).toBeNull();
  });

  it('hides the case-study column when the case study is the compared country or none', async () => {
    api();
    renderApp('/compare?country=EGY&case=none');
    const table = await screen.findByRole('table', { name: /Egypt compared with/ });
    expect(within(table).queryByRole('columnheader', { name: /case study/ })).toBeNull();
  });
});
