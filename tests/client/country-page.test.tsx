import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type CountryTrend, CountryTrendSchema, type NationalReport } from '../../shared';
import {
  aruba,
  buildNationalReport,
  errorEnvelope,
  i41,
  i74,
  indicators,
  jordan,
  jordanCompare,
  jordanValues,
  page,
} from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/** Jordan's own reports, newest first: 7.4 = D approved for 2020 (B for 2019 before it), 4.1 = C in a draft. */
const jordanReports: NationalReport[] = [
  buildNationalReport(i41, { periodCode: '2021', level: 'C', source: 'national_draft' }),
  buildNationalReport(i74, { periodCode: '2020', level: 'D' }),
  buildNationalReport(i74, { periodCode: '2019', level: 'B' }),
];
const reportList = (items: NationalReport[]) => ({ body: { framework: 'tracss-2019-2020', items } });

const answer = (
  framework: 'tracss-2019-2020' | 'tracss-2025',
  code: string,
  name: string,
  level: string | null,
) => ({
  framework,
  frameworkName: framework === 'tracss-2025' ? 'TrACSS 2025' : 'TrACSS 2019–2020',
  period: framework === 'tracss-2025' ? '2025' : '2019-2020',
  code,
  name,
  status: level ? 'reported' : null,
  level,
  source: 'published',
});
/** Jordan over the two rounds (levels as the two rounds' files give them). */
const jordanTrend: CountryTrend = CountryTrendSchema.parse({
  iso3: 'JOR',
  rounds: [
    { framework: 'tracss-2019-2020', name: 'TrACSS 2019–2020', period: '2019-2020', answered: true },
    { framework: 'tracss-2025', name: 'TrACSS 2025', period: '2025', answered: true },
  ],
  items: [
    {
      comparability: 'caution',
      note: 'B: working group(s) → coordination mechanism.',
      from: answer('tracss-2019-2020', '4.1', 'Multi-sector and One Health collaboration/coordination', 'B'),
      to: answer('tracss-2025', '2.1', 'Multi-sector and One Health collaboration/coordination', 'C'),
      change: 'improved',
    },
    {
      comparability: 'comparable',
      note: 'Same level wording.',
      from: answer(
        'tracss-2019-2020',
        '8.1',
        'Infection Prevention and Control (IPC) in human health care',
        'D',
      ),
      to: answer('tracss-2025', '3.14', 'Infection Prevention and Control (IPC) in human health care', 'D'),
      change: 'same',
    },
    {
      comparability: 'comparable',
      note: null,
      from: answer('tracss-2019-2020', '9.3', 'Optimizing antimicrobial pesticide use', null),
      to: answer('tracss-2025', '5.10', 'Optimizing antimicrobial pesticide use', 'B'),
      change: 'no_answer',
    },
  ],
});
/** A country that answered neither round: the same pairs, no levels. */
const unanswered = (iso3: string): CountryTrend => ({
  iso3,
  rounds: jordanTrend.rounds.map((r) => ({ ...r, answered: false })),
  items: jordanTrend.items.map((i) => ({
    ...i,
    from: { ...i.from, level: null, status: null },
    to: { ...i.to, level: null, status: null },
    change: 'no_answer',
  })),
});
const trendOf = (iso3: string) => ({ body: iso3 === 'JOR' ? jordanTrend : unanswered(iso3) });

function jordanApi(reports: NationalReport[] = []) {
  return mockApi({
    '/countries/JOR': () => ({ body: jordan }),
    '/countries/ABW': () => ({ body: aruba }),
    '/countries/JOR/national-reports': () => reportList(reports),
    '/countries/ABW/national-reports': () => reportList([]),
    '/countries/JOR/trend': () => trendOf('JOR'),
    '/countries/ABW/trend': () => trendOf('ABW'),
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
    // While the page's chunk loads the layout says so; then the page's own loading state shows.
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading/);
    expect(
      (await screen.findByText(/Loading country/, undefined, FIRST_LOAD)).closest('[role="status"]'),
    ).not.toBeNull();

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
    // Without national reports, the published answers stand alone and the page says so.
    expect(within(profile).queryByRole('columnheader', { name: 'Latest national report' })).toBeNull();
    expect(screen.getByText(/Jordan has no national report on these questions yet/)).toBeTruthy();
  });

  it("shows the published answer and the country's latest national report side by side, each labelled", async () => {
    const fetchMock = jordanApi(jordanReports);
    renderApp('/countries/JOR');
    const profile = await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' });
    await within(profile).findByRole('columnheader', { name: 'Latest national report' });
    expect(
      within(profile)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Code', 'Indicator', 'Published, TrACSS 2019–2020', 'Latest national report', 'Sector']);
    /** A row's cells (code, published, national, sector), each cell's parts: badges and the level's wording. */
    const cells = (code: string) => {
      const row = within(profile)
        .getAllByRole('row')
        .find((r) => within(r).queryByText(code, { selector: 'code' }));
      return within(row as HTMLElement).getAllByRole('cell');
    };
    const parts = (cell: HTMLElement | undefined) =>
      [...(cell?.childNodes ?? [])].map((n) => n.textContent?.trim()).filter(Boolean);
    // 7.4: published E, the approved 2020 report D beside it (the 2019 report is older and not shown),
    // each with its source and what its level means.
    const r74 = cells('7.4');
    expect(parts(r74[1])).toEqual([
      'E',
      'Published, TrACSS 2019–2020',
      'National surveillance system for AMR in humans: level E wording',
    ]);
    expect(parts(r74[2])).toEqual([
      'D',
      'Period 2020',
      'National report, approved',
      'National surveillance system for AMR in humans: level D wording',
    ]);
    expect(
      within(r74[2] as HTMLElement)
        .getByText('National report, approved')
        .getAttribute('title'),
    ).toBe('The country’s own report through its national action plan, approved by a national validator.');
    // 4.1: a draft, seen by who may see drafts, says it is not approved.
    expect(parts(cells('4.1')[2]).slice(0, 3)).toEqual(['C', 'Period 2021', 'Draft, not yet approved']);
    // 6.2: neither answered nor reported; without a report beside it, the header names the published column.
    expect(parts(cells('6.2')[1])).toEqual(['No answer']);
    expect(parts(cells('6.2')[2])).toEqual(['No report']);
    expect(screen.getByText(/Published answers are the official TrACSS 2019–2020 answers/)).toBeTruthy();
    const asked = requestedUrls(fetchMock).find((u) => u.pathname.endsWith('/national-reports'));
    expect(asked?.pathname).toBe('/api/countries/JOR/national-reports');
    expect(asked?.searchParams.get('framework')).toBe('tracss-2019-2020');
  });

  it('keeps the published answers when the national reports fail, with their own error and retry', async () => {
    let fail = true;
    mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () => ({ body: jordanCompare }),
      '/countries/JOR/national-reports': () =>
        fail ? { status: 500, body: errorEnvelope(500, 'Reports failed') } : reportList(jordanReports),
      '/countries/JOR/trend': () => trendOf('JOR'),
    });
    const { user } = renderApp('/countries/JOR');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the national reports')).toBeTruthy();
    const profile = screen.getByRole('table', { name: 'TrACSS 2019–2020 profile' });
    expect(within(profile).queryByRole('columnheader', { name: 'Latest national report' })).toBeNull();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(profile).findByRole('columnheader', { name: 'Latest national report' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the profile and the trend once the comparison chart is drawn, and asks for their data then', async () => {
    let answer: (() => void) | undefined;
    const compareAnswered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const fetchMock = mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/countries/JOR/national-reports': () => reportList([]),
      '/countries/JOR/trend': () => trendOf('JOR'),
      '/compare': async () => {
        await compareAnswered;
        return { body: jordanCompare };
      },
    });
    renderApp('/countries/JOR');
    expect(await screen.findByRole('heading', { level: 1, name: 'Jordan' })).toBeTruthy();
    await screen.findByText('Loading the peer comparison …');
    const below = [
      '/frameworks/tracss-2019-2020/indicators',
      '/countries/JOR/national-reports',
      '/countries/JOR/trend',
    ];
    const askedBelow = () => requestedUrls(fetchMock).filter((u) => below.includes(u.pathname.slice(4)));
    expect(screen.queryByRole('heading', { name: 'TrACSS 2019–2020 profile' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Trend across TrACSS rounds' })).toBeNull();
    expect(askedBelow()).toEqual([]);
    answer?.();
    expect(await screen.findByTestId('compare-chart')).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' })).toBeTruthy();
    expect(
      await screen.findByRole('table', {
        name: 'Jordan: published level in each round, per compared question',
      }),
    ).toBeTruthy();
    expect(askedBelow().map((u) => u.pathname)).toHaveLength(3);
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

    // The same numbers as a table, below the chart once it is drawn.
    const table = await screen.findByRole('table', {
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

    // Which data and which classification the comparison used, in words.
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent ===
            'Data: the published TrACSS 2019–2020 answers. WHO regions and income groups as in force for TrACSS 2019–2020 (the round’s own file for the countries that answered it).',
      ),
    ).toBeTruthy();
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
      '/countries/JOR/national-reports': () => reportList([]),
      '/countries/JOR/trend': () => trendOf('JOR'),
      '/compare': () =>
        fail ? { status: 500, body: errorEnvelope(500, 'Comparison failed') } : { body: jordanCompare },
    });
    const { user } = renderApp('/countries/JOR');
    const alert = await screen.findByRole('alert');
    // A 5xx is said by its code in the reader's language (the server never sends internals).
    expect(alert.textContent).toContain('Something went wrong on the server');
    // The profile, rendered once the comparison has settled (here on its error).
    expect(await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' })).toBeTruthy();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('compare-chart')).toBeTruthy();
  });

  it("shows the country's trend across rounds: each compared question, its level in each round, caution marked", async () => {
    const fetchMock = jordanApi();
    renderApp('/countries/JOR');
    const table = await screen.findByRole('table', {
      name: 'Jordan: published level in each round, per compared question',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Question',
      'Published, TrACSS 2019–2020',
      'Published, TrACSS 2025',
      'Change',
      'Comparability',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    const text = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    // 4.1 B (2019–2020) → 2.1 C (2025): reworded levels, marked with what changed.
    expect(text(rows[0])).toEqual([
      'Multi-sector and One Health collaboration/coordination B: working group(s) → coordination mechanism.',
      '4.1 B',
      '2.1 C',
      'Improved',
      'Caution: levels reworded',
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByText('Caution: levels reworded')
        .getAttribute('title'),
    ).toMatch(/some levels were reworded between the rounds/);
    // Same wording: marked comparable, no note needed.
    expect(text(rows[1])).toEqual([
      'Infection Prevention and Control (IPC) in human health care',
      '8.1 D',
      '3.14 D',
      'Same level',
      'Comparable',
    ]);
    // A round the country did not answer says so.
    expect(text(rows[2])?.slice(1, 4)).toEqual(['9.3 No answer', '5.10 B', 'No answer in one round']);
    expect(screen.getByText(/questions that were redefined are left out/)).toBeTruthy();
    expect(requestedUrls(fetchMock).some((u) => u.pathname === '/api/countries/JOR/trend')).toBe(true);
  });

  it('says when a country answered none of the rounds, and when no second round is loaded', async () => {
    jordanApi();
    renderApp('/countries/ABW');
    expect(await screen.findByText('Aruba answered none of these TrACSS rounds.')).toBeTruthy();
    mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () => ({ body: jordanCompare }),
      '/countries/JOR/national-reports': () => reportList([]),
      '/countries/JOR/trend': () => ({ body: { iso3: 'JOR', rounds: [], items: [] } }),
    });
    renderApp('/countries/JOR');
    expect(await screen.findByText(/A trend needs a second TrACSS round/)).toBeTruthy();
  });

  it('keeps the rest of the page when the trend fails, with its own error and retry', async () => {
    let fail = true;
    mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () => ({ body: jordanCompare }),
      '/countries/JOR/national-reports': () => reportList([]),
      '/countries/JOR/trend': () =>
        fail ? { status: 500, body: errorEnvelope(500, 'Trend failed') } : trendOf('JOR'),
    });
    const { user } = renderApp('/countries/JOR');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the trend across rounds')).toBeTruthy();
    // The profile, rendered once the comparison has settled (here on its error).
    expect(await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' })).toBeTruthy();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: /published level in each round/ })).toBeTruthy();
  });
});
