import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MeSchema } from '../../shared';
import { frameOf, watchChartPlaceholders } from './support/chart-placeholders';
import { errorEnvelope, jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { buildPlan, buildPublishedPlan } from './support/plan-fixtures';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

const nobody = { status: 204, body: null };
const focalMe = MeSchema.parse({
  id: 3,
  email: 'focal@example.org',
  displayName: 'Focal point, Jordan',
  demo: false,
  roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
  via: 'session',
  scope: 'write',
  csrfToken: 'csrf-1',
});

describe('Country plan page', () => {
  it('shows the objectives with budget, the implementation rates as charts and tables, and Illustrative badges', async () => {
    mockApi({
      '/auth/me': () => nobody,
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
    });
    const placeholders = watchChartPlaceholders();
    renderApp('/countries/JOR/plan');
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading/);
    expect(await screen.findByRole('heading', { level: 2, name: /Synthetic NAP 2018–2022/ })).toBeTruthy();

    const objectives = screen.getByRole('table', { name: /Strategic objectives/ });
    const rows = within(objectives).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('USD 642,800')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('70 %')).toBeTruthy(); // (100 + 40) / 2
    expect(within(rows[2] as HTMLElement).getByText('0 %')).toBeTruthy();
    expect(within(objectives).getByText('USD 1,242,200')).toBeTruthy();

    // The charts load lazily (docs/decisions/lazy-response-schemas.md).
    const byObjective = await screen.findByRole('img', { name: /Implementation rate by objective/ });
    expect(JSON.parse(byObjective.getAttribute('data-datasets') ?? '[]')[0].data).toEqual([70, 0]);
    expect(
      await screen.findByRole('img', { name: /by sector: Human health 70 %; Environment 0 %/ }),
    ).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Implementation rate by One Health sector' })).toBeTruthy();
    // Before Chart.js came, each chart's place was held at the chart's height: nothing below moved.
    placeholders.stop();
    const bySector = screen.getByRole('img', { name: /by sector/ });
    expect(placeholders.seen.map((p) => p.height)).toEqual([
      frameOf(byObjective).style.height,
      frameOf(bySector).style.height,
    ]);
    expect(frameOf(byObjective).style.height).toMatch(/^\d+px$/);

    const activities = screen.getByRole('table', { name: 'Activities' });
    expect(within(activities).getAllByText('Illustrative')).toHaveLength(3);
    expect(within(activities).queryByRole('button', { name: /Edit/ })).toBeNull(); // anonymous: read only

    const indicators = screen.getByRole('table', { name: /Plan indicators/ });
    expect(within(indicators).getByText('Off track')).toBeTruthy();
    expect(within(indicators).getByText('C (2019-2020)')).toBeTruthy();
    expect(within(indicators).getAllByText('Illustrative').length).toBeGreaterThanOrEqual(2);
  });

  it('names a followed TrACSS question by its code and round, and says where each figure comes from', async () => {
    mockApi({
      '/auth/me': () => nobody,
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
    });
    renderApp('/countries/JOR/plan');
    const indicators = await screen.findByRole('table', { name: /Plan indicators/ });
    const [, row] = within(indicators).getAllByRole('row') as HTMLElement[];
    const header = within(row as HTMLElement).getByRole('rowheader');
    expect(header.textContent).toContain('7.4 · follows TrACSS 2019–2020 · increase');
    expect(header.textContent).not.toContain('tracss-2019-2020:7.4');
    const [, , , latest, percent, status] = within(row as HTMLElement).getAllByRole('cell');
    // The latest value is Jordan's published answer, named with its round.
    expect(latest?.textContent).toBe('C (2019-2020) Published, TrACSS 2019–2020');
    expect(
      within(latest as HTMLElement)
        .getByText('Published, TrACSS 2019–2020')
        .getAttribute('title'),
    ).toMatch(/^From a published dataset \(TrACSS 2019–2020\)/);
    // % of target and status rest on an illustrative target: marked so.
    expect(percent?.textContent).toBe('75 % Illustrative');
    expect(status?.textContent).toBe('Off track Illustrative');

    // Rates come from illustrative activities, the budgets are the plan's: only the rates are marked.
    const objectives = screen.getByRole('table', { name: /Strategic objectives/ });
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const [, so1, so2, total] = within(objectives).getAllByRole('row') as HTMLElement[];
    // Budget, activities, activities counted, rate (no published rate: no column for it).
    expect(cells(so1 as HTMLElement).slice(2)).toEqual(['USD 642,800', '2', '2', '70 % Illustrative']);
    expect(cells(so2 as HTMLElement).slice(2)).toEqual(['USD 599,400', '1', '1', '0 % Illustrative']);
    expect(cells(total as HTMLElement)).toEqual(['USD 1,242,200', '3', '3', '46.7 % Illustrative']);
    const sectors = screen.getByRole('table', { name: 'Implementation rate by One Health sector' });
    expect(within(sectors).getAllByText('Illustrative')).toHaveLength(2);
    const notice = screen.getByText('Illustrative rates.').closest('p');
    expect(notice?.textContent).toMatch(/The budgets are the plan's own figures, not illustrative\./);
  });

  it('marks neither rates nor progress when they rest on approved data, and a draft value as a draft', async () => {
    const base = buildPlan(buildPlan().activities.map((a) => ({ ...a, illustrative: false })));
    const [pi] = base.indicators;
    const plan = {
      ...base,
      indicators: [
        {
          ...pi,
          illustrative: false,
          targets: [{ year: 2022, value: null, level: 'D', illustrative: false }],
          progress: {
            ...pi?.progress,
            latest: {
              value: null,
              level: 'C',
              periodCode: '2021',
              year: 2021,
              source: 'national_draft',
              sourceName: null,
            },
            target: { year: 2022, value: null, level: 'D', illustrative: false },
            source: 'national_draft',
          },
        },
      ],
    };
    mockApi({
      '/auth/me': () => nobody,
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [plan] } }),
    });
    renderApp('/countries/JOR/plan');
    const objectives = await screen.findByRole('table', { name: /Strategic objectives/ });
    expect(within(objectives).queryByText('Illustrative')).toBeNull();
    expect(screen.queryByText('Illustrative rates.')).toBeNull();
    const indicators = screen.getByRole('table', { name: /Plan indicators/ });
    const [, row] = within(indicators).getAllByRole('row') as HTMLElement[];
    const [, , , latest, percent, status] = within(row as HTMLElement).getAllByRole('cell');
    expect(latest?.textContent).toBe('C (2021) Draft, not yet approved');
    expect(percent?.textContent).toBe('75 % Draft, not yet approved');
    expect(status?.textContent).toBe('Off track Draft, not yet approved');
  });

  it('shows an error with a retry when the plans cannot be loaded', async () => {
    mockApi({
      '/auth/me': () => nobody,
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ status: 500, body: errorEnvelope(500, 'Internal Server Error') }),
    });
    renderApp('/countries/JOR/plan');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the plan');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it("lets Jordan's focal point change an activity's status, sending the version read", async () => {
    const bodies: unknown[] = [];
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
      '/plans/7/activities/12': (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        const updated = buildPlan().activities.map((a) =>
          a.id === 12
            ? { ...a, implementationStatus: 'completed' as const, percentComplete: 100, version: 2 }
            : a,
        );
        return { body: buildPlan(updated) };
      },
    });
    const { user } = renderApp('/countries/JOR/plan');
    await user.click(await screen.findByRole('button', { name: 'Edit 1.2' }));
    const form = screen.getByRole('form', { name: 'Edit activity 1.2' });
    await user.selectOptions(within(form).getByLabelText('Status'), 'completed');
    expect((within(form).getByLabelText('% complete') as HTMLInputElement).value).toBe('100');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bodies).toEqual([{ implementationStatus: 'completed', percentComplete: 100, version: 1 }]),
    );
    const objectives = screen.getByRole('table', { name: /Strategic objectives/ });
    expect(await within(objectives).findByText('100 %')).toBeTruthy();
  });
});

describe('a published plan: structure, published rates, budgets by year and M&E plan', () => {
  const load = async () => {
    mockApi({
      '/auth/me': () => nobody,
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPublishedPlan()] } }),
    });
    renderApp('/countries/JOR/plan');
    return screen.findByRole('table', { name: /Strategic objectives/ });
  };

  it('quotes the published rates with their source beside no computed rate, and makes up no overall rate', async () => {
    const objectives = await load();
    const [, so1, so2, total] = within(objectives).getAllByRole('row') as HTMLElement[];
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Budget, activities, counted, computed rate, published rate (with its badge).
    expect(cells(so1 as HTMLElement).slice(2)).toEqual([
      'USD 642,800',
      '2',
      '0',
      '—',
      '47 % Published, end-term evaluation',
    ]);
    expect(cells(so2 as HTMLElement).slice(6)).toEqual([
      'not implemented (no percentage) Published, end-term evaluation',
    ]);
    expect(cells(total as HTMLElement).slice(3)).toEqual(['—', 'Published by objective only']);
    expect(
      screen.getByText(/^Published implementation rates: End-term evaluation: Example et al\./),
    ).toBeTruthy();
    expect(screen.queryByText('Illustrative')).toBeNull();
    // The chart shows the published rates only: no computed rate exists, so no row of zero bars.
    const chart = await screen.findByRole('img', { name: /Implementation rate by objective/ });
    const datasets = JSON.parse(chart.getAttribute('data-datasets') ?? '[]');
    expect(datasets).toHaveLength(1);
    expect(datasets[0].data).toEqual([47, null]);
    expect(screen.getByText(/No rate can be computed from this plan’s activities/)).toBeTruthy();
    expect(screen.getByText('No activity with a reported status names a One Health sector.')).toBeTruthy();
  });

  it('shows the budget by plan year with its source, never as calendar years', async () => {
    await load();
    const budget = screen.getByRole('table', { name: 'Budget by objective and year of the plan' });
    const head = within(budget)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(head).toEqual(['Code', 'Year 1', 'Year 2', 'Total']);
    const [, , , foot] = within(budget).getAllByRole('row') as HTMLElement[];
    expect(
      within(foot as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['USD 500,000', 'USD 742,200', 'USD 1,242,200']);
    expect(screen.getByText('Source: The plan, ch. 5, p. 92')).toBeTruthy();
  });

  it('lists activities under their interventions with timeline, responsible entity and status Not reported', async () => {
    await load();
    expect(screen.getByRole('heading', { name: 'Strategic interventions and activities' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Strategic objective 1.1: Improve awareness' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Intervention 1.1.1: Activities' });
    const [, row] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(row as HTMLElement).getByRole('rowheader').textContent).toBe('A1.01');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Mapping the stakeholders ', 'Q1-Q2 2018', 'Outsourced NGO', 'Not reported']);
    // An activity the plan places under no intervention is listed apart, not attached to a guess.
    const apart = screen.getByRole('table', { name: 'Activities not placed under an intervention (SO1)' });
    expect(within(apart).getByText(/A national training programme/)).toBeTruthy();
  });

  it('groups the M&E indicators by planning element, with type, calculation, source, method and target as written', async () => {
    await load();
    expect(screen.getByRole('heading', { name: 'M&E plan: indicators by planning element' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Indicators measuring: Improve awareness' });
    const [, row] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(row as HTMLElement).getByRole('rowheader').textContent).toBe(
      'ME-1.01 % of target groups aware',
    );
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Outcome', 'Percentage', 'Survey', 'Household survey', '>90% people made aware', 'No data']);
    // A type the plan writes in its own words is kept as written.
    const activity = screen.getByRole('table', {
      name: 'Indicators measuring: Conducting a mapping exercise',
    });
    expect(within(activity).getByText('Defining work')).toBeTruthy();
    // No separate table of progress: these indicators have no number target.
    expect(screen.queryByRole('table', { name: /Plan indicators/ })).toBeNull();
    // Nor a chart of a target path that none of them has.
    expect(
      screen.getByText(/^No indicator of this plan has a number target or a reported value yet/),
    ).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Indicator' })).toBeNull();
  });
});
