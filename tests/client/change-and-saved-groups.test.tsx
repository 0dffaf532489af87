import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangeResultSchema, MeSchema, RoundListSchema, SavedGroupSchema } from '../../shared';
import { allCountries } from './support/fixtures';
import { emrHeatmap } from './support/heatmap-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

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
    { code: 'tracss-2021-2022', name: 'TrACSS 2021–2022', periods: ['2021-2022'], questions: 3, mapping: {} },
  ],
});

const q = (id: number, code: string, name: string) => ({ id, code, name });
const change = ChangeResultSchema.parse({
  from: { framework: 'tracss-2019-2020', period: '2019-2020' },
  to: { framework: 'tracss-2021-2022', period: '2021-2022' },
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
      note: null,
      counts: { improved: 1, same: 1, regressed: 1, no_answer: 0 },
      countries: [
        { iso3: 'EGY', from: 'B', to: 'A', change: 'regressed' },
        { iso3: 'JOR', from: 'B', to: 'C', change: 'improved' },
        { iso3: 'LBN', from: 'C', to: 'C', change: 'same' },
      ],
    },
  ],
  notComparable: [{ from: '7.4', to: '3.3', note: 'Levels differ from C up' }],
  movers: [{ iso3: 'JOR', name: 'Jordan', improved: 1, regressed: 0, same: 0, net: 1 }],
});

describe('Change between rounds', () => {
  it('charts and tables the comparable pairs only, keeps its state in the address', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/rounds': () => ({ body: rounds }),
      '/compare/change': () => ({ body: change }),
    });
    const { router } = renderApp('/compare/change?groupType=countries&group=EGY,JOR,LBN');
    const table = await screen.findByRole('table', { name: /change per comparable question/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(Array.from(rows[0]?.querySelectorAll('th, td') ?? []).map((c) => c.textContent)).toEqual([
      '4.1 → 2.1 Multi-sector and One Health collaboration',
      '1',
      '1',
      '1',
      '0',
      'EGY B→A, JOR B→C',
    ]);
    const chart = await screen.findByRole('img', { name: /per comparable question/ });
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual(['4.1 → 2.1']);
    expect(JSON.parse(chart.getAttribute('data-datasets') ?? '[]')).toEqual([
      { label: 'Improved', data: [1] },
      { label: 'Same level', data: [1] },
      { label: 'Regressed', data: [1] },
      { label: 'No answer in one round', data: [0] },
    ]);
    expect(screen.getByText(/Not compared.*7\.4 vs 3\.3 \(Levels differ from C up\)/)).toBeTruthy();
    const asked = requestedUrls(fetchMock).find((u) => u.pathname === '/api/compare/change');
    expect(asked?.searchParams.get('from')).toBe('tracss-2019-2020');
    expect(asked?.searchParams.get('to')).toBe('tracss-2021-2022');
    expect(asked?.searchParams.get('group')).toBe('EGY,JOR,LBN');
    expect(screen.getByRole('link', { name: 'Change between rounds' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(router.state.location.pathname).toBe('/compare/change');
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
