import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangeResultSchema, RoundListSchema } from '../../shared';
import { allCountries, jordanCompare, ROUND_CLASSIFICATION, TODAY_CLASSIFICATION } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/*
 * Which data a comparison shows (published answers or national reports) and which classification
 * makes its WHO-region and income groups: chosen on the page, kept in the address, sent to the API,
 * and said in words from what the server answers.
 */

/** As the server does: echo the data asked for, and name the classification of a region or income group. */
function echo<T extends { group: object }>(base: T, url: URL) {
  const type = url.searchParams.get('groupType') ?? 'who_region';
  const classified = type === 'who_region' || type === 'income_group';
  const today = url.searchParams.get('classification') === 'today';
  return {
    ...base,
    ...('source' in base ? { source: url.searchParams.get('source') ?? 'published' } : {}),
    group: {
      ...base.group,
      type,
      classification: classified ? (today ? TODAY_CLASSIFICATION : ROUND_CLASSIFICATION) : null,
    },
  };
}

const rounds = RoundListSchema.parse({
  items: [
    {
      code: 'tracss-2019-2020',
      name: 'TrACSS 2019–2020',
      periods: ['2019-2020'],
      questions: 3,
      mapping: null,
    },
    { code: 'tracss-2021-2022', name: 'TrACSS 2021–2022', periods: ['2021-2022'], questions: 3, mapping: {} },
  ],
});
const change = ChangeResultSchema.parse({
  from: { framework: 'tracss-2019-2020', period: '2019-2020' },
  to: { framework: 'tracss-2021-2022', period: '2021-2022' },
  group: emrHeatmap.group,
  pairs: [],
  notComparable: [],
  movers: [],
});

function api() {
  return mockApi({
    '/countries': () => ({ body: { items: allCountries } }),
    '/compare': (url) => ({ body: echo(jordanCompare, url) }),
    '/compare/heatmap': (url) => {
      // A hand-picked group has only its own members.
      const picked = url.searchParams.get('groupType') === 'countries' ? url.searchParams.get('group') : null;
      const countries = picked
        ? emrHeatmap.countries.filter((c) => picked.split(',').includes(c.iso3))
        : emrHeatmap.countries;
      return { body: echo({ ...emrHeatmap, countries }, url) };
    },
    '/compare/change': (url) => ({ body: echo(change, url) }),
    '/rounds': () => ({ body: rounds }),
  });
}
const asked = (fetchMock: ReturnType<typeof api>, path: string) =>
  requestedUrls(fetchMock)
    .filter((u) => u.pathname === `/api${path}`)
    .map((u) => Object.fromEntries(u.searchParams));
const search = (router: { state: { location: { search: string } } }) =>
  Object.fromEntries(new URLSearchParams(router.state.location.search));

/** The sentence saying which data and classification a view shows (one paragraph, several spans). */
const says = (text: string) => screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === text);

const PUBLISHED = 'Data: the published TrACSS 2019–2020 answers.';
const NATIONAL =
  'Data: each country’s latest national report on the TrACSS 2019–2020 questions within the round’s dates, not the published answers (approved reports; drafts only for those who may see them).';
const ROUND =
  'WHO regions and income groups as in force for TrACSS 2019–2020 (the round’s own file for the countries that answered it).';
const TODAY =
  'WHO regions and income groups: today’s classification, not the one in force for TrACSS 2019–2020.';

describe('the data and the classification of a comparison', () => {
  it('compare: published answers as in force for the round by default; national reports and today’s on request', async () => {
    const fetchMock = api();
    const { router, user } = renderApp('/compare?country=JOR&groupType=who_region&group=EMR');
    await screen.findByRole('table', { name: /Jordan compared with/ });
    const data = screen.getByRole('group', { name: 'Data' });
    const classification = screen.getByRole('group', { name: 'Classification' });
    expect(within(data).getByRole('radio', { name: 'Published answers' })).toHaveProperty('checked', true);
    expect(within(classification).getByRole('radio', { name: 'As in force for the round' })).toHaveProperty(
      'checked',
      true,
    );
    expect(await says(`${PUBLISHED} ${ROUND}`)).toBeTruthy();
    expect(asked(fetchMock, '/compare').at(-1)).toMatchObject({
      source: 'published',
      classification: 'round',
    });

    await user.click(within(data).getByRole('radio', { name: 'National reports' }));
    await user.click(within(classification).getByRole('radio', { name: 'Today’s' }));
    expect(search(router)).toMatchObject({ source: 'national', classification: 'today' });
    expect(await says(`${NATIONAL} ${TODAY}`)).toBeTruthy();
    expect(asked(fetchMock, '/compare').at(-1)).toMatchObject({
      country: 'JOR',
      source: 'national',
      classification: 'today',
    });
    // The server's own note explains the classification on hover.
    expect(screen.getByText(TODAY).getAttribute('title')).toBe(TODAY_CLASSIFICATION.note);
    // The other views and the comparison report keep the choice.
    const heatmapLink = screen.getByRole('link', { name: 'Heatmap' }).getAttribute('href') ?? '';
    expect(Object.fromEntries(new URL(heatmapLink, 'http://x').searchParams)).toMatchObject({
      source: 'national',
      classification: 'today',
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const report =
      screen.getByRole('menuitem', { name: /Comparison report \(PDF\)/ }).getAttribute('href') ?? '';
    expect(Object.fromEntries(new URL(report, 'http://x').searchParams)).toMatchObject({
      source: 'national',
      classification: 'today',
    });

    // Back to the defaults: they leave the address.
    await user.click(within(data).getByRole('radio', { name: 'Published answers' }));
    await user.click(within(classification).getByRole('radio', { name: 'As in force for the round' }));
    expect(search(router)).not.toHaveProperty('source');
    expect(search(router)).not.toHaveProperty('classification');
  });

  it('heatmap: reads both from the address, for the case study too, and counts national reports as such', async () => {
    const fetchMock = api();
    // France, pinned as the case study, is not in the group: its own row is asked for with the same data.
    renderApp(
      '/compare/heatmap?groupType=who_region&group=EMR&source=national&classification=today&case=FRA',
    );
    await screen.findByRole('table', { name: /level of each country/ });
    expect(screen.getByRole('radio', { name: 'National reports' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Today’s' })).toHaveProperty('checked', true);
    expect(await says(`${NATIONAL} ${TODAY}`)).toBeTruthy();
    expect(
      screen.getByText('3 of 4 members have a national report on the TrACSS 2019–2020 questions.'),
    ).toBeTruthy();
    expect(asked(fetchMock, '/compare/heatmap')[0]).toEqual({
      framework: 'tracss-2019-2020',
      period: '2019-2020',
      groupType: 'who_region',
      group: 'EMR',
      source: 'national',
      classification: 'today',
    });
    await waitFor(() =>
      expect(asked(fetchMock, '/compare/heatmap')).toContainEqual(
        expect.objectContaining({ groupType: 'countries', group: 'FRA', source: 'national' }),
      ),
    );
  });

  it('offers no classification for a group that no classification makes, and says none', async () => {
    const fetchMock = api();
    renderApp('/compare/heatmap?groupType=all');
    await screen.findByRole('table', { name: /level of each country/ });
    expect(screen.getByRole('group', { name: 'Data' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Classification' })).toBeNull();
    expect(screen.getByText(PUBLISHED)).toBeTruthy();
    expect(screen.queryByText(ROUND)).toBeNull();
    expect(asked(fetchMock, '/compare/heatmap')[0]).toMatchObject({ groupType: 'all', source: 'published' });
  });

  it('map: a classification choice, published answers only', async () => {
    const fetchMock = api();
    const { user, router } = renderApp('/compare/map?groupType=income_group&group=LMC&indicator=7.4');
    await screen.findByRole('table', { name: /level of each member/ });
    expect(screen.queryByRole('group', { name: 'Data' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Today’s' }));
    expect(search(router)).toMatchObject({ classification: 'today' });
    expect(await says(`${PUBLISHED} ${TODAY}`)).toBeTruthy();
    expect(asked(fetchMock, '/compare/heatmap').at(-1)).toMatchObject({
      groupType: 'income_group',
      group: 'LMC',
      classification: 'today',
    });
    expect(asked(fetchMock, '/compare/heatmap').at(-1)).not.toHaveProperty('source');
  });

  it('group dashboard: the classification goes to the level counts, the movers and the links', async () => {
    const fetchMock = api();
    renderApp('/groups?groupType=who_region&group=EMR&classification=today');
    await screen.findByRole('table', { name: /members at each level/ });
    expect(await says(`${PUBLISHED} ${TODAY}`)).toBeTruthy();
    expect(asked(fetchMock, '/compare/heatmap')[0]).toMatchObject({ classification: 'today' });
    await waitFor(() =>
      expect(asked(fetchMock, '/compare/change')[0]).toMatchObject({ classification: 'today' }),
    );
    expect(screen.getByRole('link', { name: 'Heatmap of the group' }).getAttribute('href')).toBe(
      '/compare/heatmap?classification=today&groupType=who_region&group=EMR',
    );
  });

  it('change between rounds: the later round’s classification by default, today’s on request', async () => {
    const fetchMock = api();
    const { user } = renderApp('/compare/change?groupType=who_region&group=EMR');
    expect(
      await says(
        'Data: the published answers of TrACSS 2019–2020 and TrACSS 2021–2022. WHO regions and income groups as in force for TrACSS 2021–2022 (the round’s own file for the countries that answered it).',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Data' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Today’s' }));
    expect(
      await screen.findByText(
        'WHO regions and income groups: today’s classification, not the one in force for TrACSS 2021–2022.',
      ),
    ).toBeTruthy();
    expect(asked(fetchMock, '/compare/change').at(-1)).toMatchObject({ classification: 'today' });
  });
});
