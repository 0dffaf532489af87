import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MeSchema } from '../../shared';
import { errorEnvelope, jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
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
    renderApp('/countries/JOR/plan');
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading/);
    expect(await screen.findByRole('heading', { level: 2, name: /Jordan NAP 2018–2022/ })).toBeTruthy();

    const objectives = screen.getByRole('table', { name: /Strategic objectives/ });
    const rows = within(objectives).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('USD 642,800')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('70 %')).toBeTruthy(); // (100 + 40) / 2
    expect(within(rows[2] as HTMLElement).getByText('0 %')).toBeTruthy();
    expect(within(objectives).getByText('USD 1,242,200')).toBeTruthy();

    // The charts load lazily (issue 7).
    const byObjective = await screen.findByRole('img', { name: /Implementation rate by objective/ });
    expect(JSON.parse(byObjective.getAttribute('data-datasets') ?? '[]')[0].data).toEqual([70, 0]);
    expect(
      await screen.findByRole('img', { name: /by sector: Human health 70 %; Environment 0 %/ }),
    ).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Implementation rate by One Health sector' })).toBeTruthy();

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
    expect(cells(so1 as HTMLElement).slice(2)).toEqual(['USD 642,800', '2', '70 % Illustrative']);
    expect(cells(so2 as HTMLElement).slice(2)).toEqual(['USD 599,400', '1', '0 % Illustrative']);
    expect(cells(total as HTMLElement)).toEqual(['USD 1,242,200', '3', '46.7 % Illustrative']);
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
    expect(bodies).toEqual([{ implementationStatus: 'completed', percentComplete: 100, version: 1 }]);
    const objectives = screen.getByRole('table', { name: /Strategic objectives/ });
    expect(await within(objectives).findByText('100 %')).toBeTruthy();
  });
});
