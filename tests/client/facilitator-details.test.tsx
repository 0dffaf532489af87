import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fr } from '../../client/i18n/locales/fr';
import { MeCompareSchema, MeSchema, type SavedGroup, SavedGroupSchema } from '../../shared';
import { allCountries, jordanCompare, page } from './support/fixtures';
import { egyptCompare, emrHeatmap } from './support/heatmap-fixtures';
import { groupLearning, jordanVsEgypt } from './support/me-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/** The first page load imports the page's module: slow on a busy machine. */

const silent = (base: typeof jordanCompare, iso3: string, name: string) => ({
  ...base,
  country: { ...base.country, iso3, name, isoName: name },
  rows: base.rows.map((r) => ({ ...r, countryLevel: null, rank: null, percentile: null })),
});

function compareApi() {
  return mockApi({
    '/countries': () => ({ body: { items: allCountries } }),
    '/compare': (url) => {
      const country = url.searchParams.get('country');
      if (country === 'FRA') return { body: silent(egyptCompare, 'FRA', 'France') };
      return { body: country === 'JOR' ? jordanCompare : egyptCompare };
    },
  });
}

describe('the country search of a hand-picked group (combobox)', () => {
  it('highlights the first match, moves with the arrows, adds the highlighted country with Enter, closes with Escape', async () => {
    compareApi();
    const { user, router } = renderApp('/compare?country=EGY&groupType=countries&group=EGY');
    const box = await screen.findByRole('combobox', { name: 'Add a country' }, FIRST_LOAD);
    expect(box.getAttribute('aria-expanded')).toBe('false');

    await user.type(box, 'a');
    // Aruba, France and Jordan match "a" (Egypt is already chosen).
    const list = screen.getByRole('listbox', { name: 'Matching countries' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Aruba ABW', 'France FRA', 'Jordan JOR']);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[2]?.id);
    await user.keyboard('{ArrowUp}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(document.activeElement).toBe(box);

    await user.keyboard('{Enter}');
    expect(new URLSearchParams(router.state.location.search).get('group')).toBe('EGY,FRA');
    expect((box as HTMLInputElement).value).toBe('');
    expect(within(screen.getByRole('list', { name: 'Chosen countries' })).getByText('France')).toBeTruthy();

    // Escape closes the list and adds nothing; Enter on a closed list adds nothing either.
    await user.type(box, 'jor');
    expect(within(screen.getByRole('listbox', { hidden: true })).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    await user.keyboard('{Enter}');
    expect(new URLSearchParams(router.state.location.search).get('group')).toBe('EGY,FRA');
    // The arrow opens it again, a second Escape clears the text.
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}{Escape}');
    expect((box as HTMLInputElement).value).toBe('');

    await user.type(box, 'zz');
    expect(screen.getByText('No country matches “zz”.')).toBeTruthy();
  });
});

describe('the case-study picker of the comparison pages', () => {
  it('is a labelled select that writes ?case= (left out for Jordan, none for none)', async () => {
    const fetchMock = compareApi();
    const { user, router } = renderApp('/compare?country=EGY&groupType=who_region&group=EMR');
    await screen.findByRole('table', { name: /Egypt compared with/ }, FIRST_LOAD);
    const picker = screen.getByRole('combobox', { name: 'Case study' }) as HTMLSelectElement;
    expect(picker.value).toBe('JOR');
    expect(picker.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Pinned beside the group on every comparison view/)).toBeTruthy();

    await user.selectOptions(picker, 'France');
    expect(new URLSearchParams(router.state.location.search).get('case')).toBe('FRA');
    await waitFor(() =>
      expect(
        requestedUrls(fetchMock).some(
          (u) => u.pathname === '/api/compare' && u.searchParams.get('country') === 'FRA',
        ),
      ).toBe(true),
    );
    await user.selectOptions(picker, 'None');
    expect(new URLSearchParams(router.state.location.search).get('case')).toBe('none');
    await user.selectOptions(picker, 'Jordan');
    expect(new URLSearchParams(router.state.location.search).has('case')).toBe(false);
  });

  it('is on the heatmap too', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
    });
    const { user, router } = renderApp('/compare/heatmap?groupType=who_region&group=EMR');
    const picker = (await screen.findByRole(
      'combobox',
      { name: 'Case study' },
      FIRST_LOAD,
    )) as HTMLSelectElement;
    await within(picker).findByRole('option', { name: 'Egypt' });
    await user.selectOptions(picker, 'Egypt');
    expect(new URLSearchParams(router.state.location.search).get('case')).toBe('EGY');
  });
});

describe('a country without an answer in the round', () => {
  it('gets a notice, and the chart and table show the group alone (no column of dashes)', async () => {
    compareApi();
    renderApp('/compare?country=FRA&groupType=who_region&group=EMR&case=none');
    const notice = await screen.findByText(
      'France did not answer TrACSS 2019–2020: the chart and the table show the group alone.',
      {},
      FIRST_LOAD,
    );
    expect(notice.getAttribute('role')).toBe('status');
    const table = screen.getByRole('table', { name: /^The Eastern Mediterranean Region: level counts/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(headers).toEqual(['Indicator', 'A', 'B', 'C', 'D', 'E', 'n', 'Median', 'Q1–Q3']);
    expect(within(table).queryByText('No answer')).toBeNull();
    const chart = await screen.findByRole('img', { name: /Stacked bar chart/ });
    expect(chart.getAttribute('aria-label')).not.toContain('France');
    // The chart's labels carry no letter for France.
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual(
      jordanCompare.rows.map((r) => [r.indicator.code]),
    );
  });

  it('says so for the pinned case study, which gets no column', async () => {
    compareApi();
    renderApp('/compare?country=EGY&groupType=who_region&group=EMR&case=FRA');
    expect(
      await screen.findByText('France, the case study, did not answer TrACSS 2019–2020.', {}, FIRST_LOAD),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: /Egypt compared with/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(headers.slice(0, 3)).toEqual(['Indicator', 'Egypt', 'A']);
  });

  it('speaks French in French', async () => {
    compareApi();
    renderApp('/compare?country=FRA&groupType=who_region&group=EMR&case=none', { locale: 'fr', catalog: fr });
    expect(
      await screen.findByText(
        'France n’a pas répondu à l’enquête TrACSS 2019–2020 : le graphique et le tableau montrent le groupe seul.',
        {},
        FIRST_LOAD,
      ),
    ).toBeTruthy();
  });
});

const facilitator = MeSchema.parse({
  id: 2,
  email: 'fac@example.org',
  displayName: 'Fay Facilitator',
  demo: false,
  roles: [{ role: 'facilitator', country: null, sectors: [] }],
  via: 'session',
  scope: 'write',
  csrfToken: 'csrf-1',
});

const levant = (over: Partial<SavedGroup> = {}) =>
  SavedGroupSchema.parse({
    id: 7,
    name: 'Levant',
    description: null,
    visibility: 'shared',
    members: ['EGY', 'JOR'],
    ownerId: 2,
    canEdit: true,
    version: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  });

describe('editing and deleting a saved group', () => {
  function groupApi(state: {
    group: SavedGroup | null;
    writes: { method: string; url: URL; body: unknown }[];
  }) {
    return mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/auth/me': () => ({ body: facilitator }),
      '/peer-groups': () => ({ body: { items: state.group ? [state.group] : [] } }),
      '/peer-groups/7': (url, init) => {
        const body = init?.body ? JSON.parse(String(init.body)) : null;
        state.writes.push({ method: init?.method ?? 'GET', url, body });
        if (init?.method === 'DELETE') {
          state.group = null;
          return { status: 204, body: null };
        }
        state.group = levant({ ...body, version: 4 });
        return { body: state.group };
      },
    });
  }

  it('renames the group and changes its countries, sending the version read', async () => {
    const state = {
      group: levant() as SavedGroup | null,
      writes: [] as { method: string; url: URL; body: unknown }[],
    };
    groupApi(state);
    const { user } = renderApp('/compare/heatmap?groupType=saved&group=7');
    await user.click(await screen.findByRole('button', { name: 'Edit group' }, FIRST_LOAD));
    const form = screen.getByRole('form', { name: 'Edit the group “Levant”' });
    const name = within(form).getByRole('textbox', { name: 'Group name' });
    await user.clear(name);
    expect(within(form).getByText('Give the group a name.')).toBeTruthy();
    expect(
      within(form)
        .getByRole('button', { name: /Save changes/ })
        .hasAttribute('disabled'),
    ).toBe(true);
    await user.type(name, 'Levant and France');
    await user.type(within(form).getByRole('combobox', { name: 'Add a country' }), 'fra{Enter}');
    await user.click(within(form).getByRole('button', { name: 'Remove Egypt' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes (2 countries)' }));
    await waitFor(() => expect(state.writes).toHaveLength(1));
    expect(state.writes[0]?.method).toBe('PATCH');
    expect(state.writes[0]?.body).toEqual({ name: 'Levant and France', members: ['JOR', 'FRA'], version: 3 });
    expect(await screen.findByText('Saved “Levant and France”.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: /Edit the group/ })).toBeNull();
  });

  it('says when someone changed the group meanwhile, and shows it as it is now', async () => {
    const state = {
      group: levant() as SavedGroup | null,
      writes: [] as { method: string; url: URL; body: unknown }[],
    };
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/auth/me': () => ({ body: facilitator }),
      '/peer-groups': () => ({ body: { items: state.group ? [state.group] : [] } }),
      '/peer-groups/7': (url, init) => {
        state.writes.push({ method: init?.method ?? 'GET', url, body: JSON.parse(String(init?.body)) });
        // Someone else renamed it first.
        state.group = levant({ name: 'Levant (theirs)', version: 4 });
        return {
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            message: 'version: stale (you sent 3, the group is at 4); reload it',
            requestId: 'r1',
          },
        };
      },
    });
    const { user } = renderApp('/compare/heatmap?groupType=saved&group=7');
    await user.click(await screen.findByRole('button', { name: 'Edit group' }, FIRST_LOAD));
    const name = screen.getByRole('textbox', { name: 'Group name' });
    await user.clear(name);
    await user.type(name, 'Mine');
    await user.click(screen.getByRole('button', { name: /Save changes/ }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Someone changed this group meanwhile. It is shown as it is now: look at it, then make your change again.',
    );
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Group name' }) as HTMLInputElement).value).toBe(
        'Levant (theirs)',
      ),
    );
  });

  it('deletes it only after a confirmation that says what happens, then asks for another group', async () => {
    const state = {
      group: levant() as SavedGroup | null,
      writes: [] as { method: string; url: URL; body: unknown }[],
    };
    groupApi(state);
    const { user, router } = renderApp('/compare/heatmap?groupType=saved&group=7');
    const del = await screen.findByRole('button', { name: 'Delete group' }, FIRST_LOAD);
    await user.click(del);
    const panel = screen.getByRole('alertdialog', { name: 'Delete the group “Levant” (2 countries)?' });
    expect(panel.textContent).toContain('It is shared: it disappears for everyone');
    // Escape closes it; nothing was sent.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(state.writes).toHaveLength(0);

    await user.click(del);
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete the group' }),
    );
    await waitFor(() => expect(state.writes).toHaveLength(1));
    expect(state.writes[0]?.method).toBe('DELETE');
    expect(state.writes[0]?.url.searchParams.get('version')).toBe('3');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('group')).toBe(''));
    expect(screen.queryByRole('button', { name: 'Delete group' })).toBeNull();
  });

  it('offers neither to those who may not change the group', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare/heatmap': () => ({ body: emrHeatmap }),
      '/auth/me': () => ({ status: 204, body: null }),
      '/peer-groups': () => ({ body: { items: [levant({ canEdit: false })] } }),
    });
    renderApp('/compare/heatmap?groupType=saved&group=7');
    const select = (await screen.findByRole(
      'combobox',
      { name: 'Saved group' },
      FIRST_LOAD,
    )) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('7'));
    expect(screen.queryByRole('button', { name: 'Edit group' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete group' })).toBeNull();
  });
});

describe('peer learning: only countries with a profile', () => {
  const names: Record<string, string> = {
    JOR: 'Jordan',
    EGY: 'Egypt',
    ABW: 'Aruba',
    FRA: 'France',
    LBN: 'Lebanon',
    SYR: 'Syria',
  };
  const members = Object.keys(names);
  const big = MeCompareSchema.parse({
    ...jordanVsEgypt,
    countries: members.map((iso3) => ({ iso3, name: names[iso3] })),
    rows: jordanVsEgypt.rows.map((r) => ({
      ...r,
      cells: [
        ...r.cells,
        ...members.slice(2).map((iso3) => ({ iso3, value: null, provenance: null, sources: [] })),
      ],
    })),
  });

  it('hides the countries without a profile in a large group, says how many, and shows them on demand', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/countries': () => ({ body: page(allCountries) }),
      '/me-profiles/compare': () => ({ body: big }),
      '/me-profiles/learning': () => ({ body: groupLearning }),
    });
    const { user, router } = renderApp('/learning?groupType=who_region&group=EMR');
    const table = await screen.findByRole('table', { name: 'M&E system profiles side by side' }, FIRST_LOAD);
    const headers = () =>
      within(screen.getByRole('table', { name: 'M&E system profiles side by side' }))
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(3);
    expect(headers()).toEqual(['Step and answer', 'Jordan case study', 'Egypt']);
    const filter = screen.getByRole('checkbox', {
      name: 'Only countries with a profile',
    }) as HTMLInputElement;
    expect(filter.checked).toBe(true);
    expect(
      screen.getByText('4 countries without a public profile are hidden: Aruba, France, Lebanon, Syria.'),
    ).toBeTruthy();

    await user.click(filter);
    expect(new URLSearchParams(router.state.location.search).get('profiles')).toBe('all');
    expect(headers()).toHaveLength(7);
    await user.click(filter);
    expect(new URLSearchParams(router.state.location.search).has('profiles')).toBe(false);
    expect(headers()).toHaveLength(3);
  });

  it('shows every column of a small group, the filter off', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/countries': () => ({ body: page(allCountries) }),
      '/me-profiles/compare': () => ({
        body: { ...big, countries: big.countries.slice(0, 3) },
      }),
      '/me-profiles/learning': () => ({ body: groupLearning }),
    });
    renderApp('/learning?groupType=countries&group=JOR,EGY,ABW');
    await screen.findByRole('table', { name: 'M&E system profiles side by side' }, FIRST_LOAD);
    const filter = screen.getByRole('checkbox', {
      name: 'Only countries with a profile',
    }) as HTMLInputElement;
    expect(filter.checked).toBe(false);
    expect(
      within(screen.getByRole('table', { name: 'M&E system profiles side by side' })).getAllByRole(
        'columnheader',
      ),
    ).toHaveLength(4);
  });
});
