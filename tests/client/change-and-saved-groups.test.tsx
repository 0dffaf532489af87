import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangeResultSchema, MeSchema, RoundListSchema, SavedGroupSchema } from '../../shared';
import { frameOf, watchChartPlaceholders } from './support/chart-placeholders';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

const rounds = RoundListSchema.parse({
  items: [
    {
      code: 'tracss-2019-2020',
      name: 'TrACSS 2019–2020',
      periods: ['2019-2020'],
      questions: 77,
      mapping: null,
    },
    { code: 'tracss-2025', name: 'TrACSS 2025', periods: ['2025'], questions: 44, mapping: {} },
  ],
});

const q = (id: number, code: string, name: string) => ({ id, code, name });
const levels = (a: number, b: number, c: number, d: number, e: number) => ({ A: a, B: b, C: c, D: d, E: e });
const change = ChangeResultSchema.parse({
  from: { framework: 'tracss-2019-2020', period: '2019-2020' },
  to: { framework: 'tracss-2025', period: '2025' },
  group: {
    type: 'countries',
    key: 'EGY,JOR,LBN',
    label: '3 selected countries',
    members: ['EGY', 'JOR', 'LBN'],
    classification: null,
  },
  pairs: [
    {
      from: q(1, '4.1', 'Multi-sector'),
      to: q(101, '2.1', 'Multi-sector and One Health collaboration'),
      comparability: 'caution',
      note: 'B: working group → coordination mechanism.',
      levels: { from: levels(0, 2, 1, 0, 0), to: levels(1, 0, 2, 0, 0) },
      counts: { improved: 1, same: 1, regressed: 1, no_answer: 0 },
      countries: [
        { iso3: 'EGY', from: 'B', to: 'A', change: 'regressed' },
        { iso3: 'JOR', from: 'B', to: 'C', change: 'improved' },
        { iso3: 'LBN', from: 'C', to: 'C', change: 'same' },
      ],
    },
    {
      from: q(56, '8.1', 'IPC'),
      to: q(150, '3.14', 'Infection Prevention and Control (IPC) in human health care'),
      comparability: 'comparable',
      note: 'Same level wording.',
      levels: { from: levels(0, 0, 1, 1, 0), to: levels(0, 0, 0, 2, 0) },
      counts: { improved: 1, same: 1, regressed: 0, no_answer: 1 },
      countries: [
        { iso3: 'EGY', from: null, to: 'D', change: 'no_answer' },
        { iso3: 'JOR', from: 'D', to: 'D', change: 'same' },
        { iso3: 'LBN', from: 'C', to: 'D', change: 'improved' },
      ],
    },
  ],
  notComparable: [
    { from: '7.3', to: null, comparability: 'not_comparable', note: 'No A–E counterpart in 2025.' },
    { from: '7.4', to: '3.5', comparability: 'not_comparable', note: 'Redefined from C up.' },
  ],
  movers: [{ iso3: 'JOR', name: 'Jordan', improved: 1, regressed: 0, same: 1, net: 1 }],
});

describe('Change between rounds', () => {
  it('charts and tables the compared pairs, marks caution pairs with what changed, keeps its state in the address', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/rounds': () => ({ body: rounds }),
      '/compare/change': () => ({ body: change }),
    });
    const placeholders = watchChartPlaceholders();
    const { router } = renderApp('/compare/change?groupType=countries&group=EGY,JOR,LBN');
    // The first view of the file: the lazy page and its charts load cold (5 s on a busy machine).
    const table = await screen.findByRole('table', { name: /change per comparable question/ }, FIRST_LOAD);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(Array.from(rows[0]?.querySelectorAll('th, td') ?? []).map((c) => c.textContent)).toEqual([
      '4.1 → 2.1 Multi-sector and One Health collaboration B: working group → coordination mechanism.',
      'Caution: levels reworded',
      '1',
      '1',
      '1',
      '0',
      'EGY B→A, JOR B→C',
    ]);
    // A comparable pair carries its mark, not the note (the note matters for caution pairs).
    expect(
      Array.from(rows[1]?.querySelectorAll('th, td') ?? [])
        .map((c) => c.textContent)
        .slice(0, 2),
    ).toEqual(['8.1 → 3.14 Infection Prevention and Control (IPC) in human health care', 'Comparable']);
    expect(within(table).getByText('Caution: levels reworded').getAttribute('title')).toMatch(
      /some levels were reworded/,
    );
    expect(screen.getByText(/Questions marked “Caution: levels reworded” ask the same thing/)).toBeTruthy();
    const chart = await screen.findByRole('img', { name: /per comparable question/ });
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual([
      '4.1 → 2.1 (caution)',
      '8.1 → 3.14',
    ]);
    expect(JSON.parse(chart.getAttribute('data-datasets') ?? '[]')).toEqual([
      { label: 'Improved', data: [1, 1] },
      { label: 'Same level', data: [1, 1] },
      { label: 'Regressed', data: [1, 0] },
      { label: 'No answer in one round', data: [0, 1] },
    ]);
    // The group's levels in each round: two bars per pair, shares of those who answered.
    const levelsChart = await screen.findByRole('img', {
      name: /at each level A–E on each compared question/,
    });
    expect(JSON.parse(levelsChart.getAttribute('data-labels') ?? '[]')).toEqual([
      ['4.1 (caution)', 'TrACSS 2019–2020'],
      ['2.1 (caution)', 'TrACSS 2025'],
      ['8.1', 'TrACSS 2019–2020'],
      ['3.14', 'TrACSS 2025'],
    ]);
    // Before Chart.js came, each chart's place was held at the chart's height: nothing below moved.
    placeholders.stop();
    expect(placeholders.seen.map((p) => p.height)).toEqual([
      frameOf(chart).style.height,
      frameOf(levelsChart).style.height,
    ]);
    expect(JSON.parse(levelsChart.getAttribute('data-datasets') ?? '[]')[2]).toEqual({
      label: 'Level C',
      data: [33.3, 66.7, 50, 0],
    });
    const levelsTable = screen.getByRole('table', { name: /members at each level, per compared question/ });
    expect(
      within(levelsTable)
        .getAllByRole('row')
        .slice(1)
        .map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent)),
    ).toEqual([
      ['4.1 (caution)', 'TrACSS 2019–2020', '0', '2', '1', '0', '0', '3'],
      ['2.1 (caution)', 'TrACSS 2025', '1', '0', '2', '0', '0', '3'],
      ['8.1', 'TrACSS 2019–2020', '0', '0', '1', '1', '0', '2'],
      ['3.14', 'TrACSS 2025', '0', '0', '0', '2', '0', '2'],
    ]);
    // Not compared: listed with the reason, never charted.
    const notCompared = screen.getByRole('region', { name: 'Not compared (2)' });
    expect(
      within(notCompared)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '7.3: no counterpart in TrACSS 2025 — No A–E counterpart in 2025.',
      '7.4 → 3.5 — Redefined from C up.',
    ]);
    const asked = requestedUrls(fetchMock).find((u) => u.pathname === '/api/compare/change');
    expect(asked?.searchParams.get('from')).toBe('tracss-2019-2020');
    expect(asked?.searchParams.get('to')).toBe('tracss-2025');
    expect(asked?.searchParams.get('group')).toBe('EGY,JOR,LBN');
    expect(screen.getByRole('link', { name: 'Change between rounds' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(router.state.location.pathname).toBe('/compare/change');
  });

  it('an address naming a round that is not loaded says so and shows the rounds that are', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/rounds': () => ({ body: rounds }),
      '/compare/change': () => ({ body: change }),
    });
    renderApp('/compare/change?from=tracss-2019-2020&to=tracss-2021-2022&groupType=all');
    expect(
      await screen.findByText('Not loaded: tracss-2021-2022. Showing the rounds that are.'),
    ).toBeTruthy();
    await screen.findByRole('table', { name: /change per comparable question/ });
    const asked = requestedUrls(fetchMock).filter((u) => u.pathname === '/api/compare/change');
    expect(asked.map((u) => u.searchParams.get('to'))).toEqual(['tracss-2025']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a second round is needed when only one exists', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/rounds': () => ({ body: { items: rounds.items.slice(0, 1) } }),
    });
    renderApp('/compare/change');
    expect(await screen.findByText(/needs a second TrACSS round/)).toBeTruthy();
  });
});

describe('Saving a hand-picked group', () => {
  it('a facilitator saves the picked countries as a shared group, then the picker shows it', async () => {
    const saved = SavedGroupSchema.parse({
      id: 7,
      name: 'Levant',
      description: null,
      visibility: 'shared',
      members: ['EGY', 'JOR'],
      ownerId: 2,
      canEdit: true,
      version: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    let posted: unknown = null;
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/auth/me': () => ({
        body: MeSchema.parse({
          id: 2,
          email: 'fac@example.org',
          displayName: 'Fay Facilitator',
          demo: false,
          roles: [{ role: 'facilitator', country: null, sectors: [] }],
          via: 'session',
          scope: 'write',
          csrfToken: 'csrf-1',
        }),
      }),
      '/peer-groups': (_url, init) => {
        if (init?.method === 'POST') {
          posted = JSON.parse(String(init.body));
          return { status: 201, body: saved };
        }
        return { body: { items: posted ? [saved] : [] } };
      },
    });
    const { user, router } = renderApp('/compare/heatmap?groupType=countries&group=JOR,EGY');
    const form = await screen.findByRole('form', { name: 'Save this group' });
    await user.type(within(form).getByRole('textbox', { name: 'Group name' }), 'Levant');
    await user.click(within(form).getByRole('checkbox', { name: /Share with everyone/ }));
    await user.click(within(form).getByRole('button', { name: 'Save group (2 countries)' }));
    await waitFor(() =>
      expect(posted).toEqual({ name: 'Levant', members: ['JOR', 'EGY'], visibility: 'shared' }),
    );
    await waitFor(() => expect(router.state.location.search).toContain('groupType=saved'));
    expect(router.state.location.search).toContain('group=7');
    const select = await screen.findByRole('combobox', { name: 'Saved group' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('7'));
    expect(within(select).getByRole('option', { name: 'Levant (2)' })).toBeTruthy();
  });

  it('asks an anonymous visitor to sign in instead', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/auth/me': () => ({ status: 204, body: null }),
    });
    renderApp('/compare/heatmap?groupType=countries&group=JOR');
    expect(await screen.findByText('Sign in to save this group.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Save this group' })).toBeNull();
  });
});
