import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type HistoryEntry, MeSchema, type Notification } from '../../shared';
import { jordan } from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

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
const noNotices = { body: { items: [], unread: 0 } };
const periods = { body: { items: [] } };

const historyEntry: HistoryEntry = {
  id: 90,
  entityType: 'plan_activity',
  entityId: '11',
  label: 'Activity 1.1',
  action: 'update',
  at: '2026-11-20T10:00:00.000Z',
  user: { id: 3, name: 'Focal point, Jordan' },
  old: { implementationStatus: 'ongoing', percentComplete: 60, version: 1, title: 'Same' },
  new: { implementationStatus: 'completed', percentComplete: 100, version: 2, title: 'Same' },
  channel: null,
};

describe('editing a plan', () => {
  it('adds an activity with the shared schema, naming a bad field before anything is sent', async () => {
    const bodies: unknown[] = [];
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/notifications': () => noNotices,
      '/plans/7': () => ({ body: buildPlan() }),
      '/plans/7/periods': () => periods,
      '/plans/7/activities': (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return { status: 201, body: buildPlan() };
      },
    });
    const { user } = renderApp('/plans/7/edit');
    const form = await screen.findByRole('form', { name: 'New activity' }, FIRST_LOAD);
    await user.type(within(form).getByLabelText('Title'), 'Train pharmacists');
    await user.click(within(form).getByRole('button', { name: 'Add activity' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Code: This field is required');
    expect(bodies).toEqual([]);

    await user.type(within(form).getByLabelText('Code'), '1.9');
    await user.click(within(form).getByLabelText('Human health'));
    await user.type(within(form).getByLabelText('Budget'), '2500');
    await user.type(within(form).getByLabelText('Currency'), 'usd');
    await user.selectOptions(within(form).getByLabelText('Status'), 'ongoing');
    await user.type(within(form).getByLabelText('% complete'), '30');
    await user.click(within(form).getByRole('button', { name: 'Add activity' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      objectiveId: 1,
      code: '1.9',
      title: 'Train pharmacists',
      sectors: ['human_health'],
      leadAgency: null,
      timeline: null,
      plannedStart: null,
      plannedEnd: null,
      budget: 2500,
      currency: 'USD',
      fundingStatus: null,
      implementationStatus: 'ongoing',
      percentComplete: 30,
    });
  });

  it('shows an activity’s history, old → new, and adds a quarterly reporting period', async () => {
    const posted: unknown[] = [];
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/notifications': () => noNotices,
      '/plans/7': () => ({ body: buildPlan() }),
      '/plans/7/periods': (_url, init) => {
        if (init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          return {
            status: 400,
            body: {
              error: 'Bad Request',
              message: 'dueDate: must not be before the period starts (2021-04-01)',
              statusCode: 400,
              requestId: 'r',
            },
          };
        }
        return periods;
      },
      '/plans/7/history': () => ({ body: { items: [historyEntry] } }),
    });
    const { user } = renderApp('/plans/7/edit');
    const item = (await screen.findByText('1.1', { selector: 'strong' }, FIRST_LOAD)).closest(
      'li',
    ) as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'History' }));
    const table = await within(item).findByRole('table', { name: 'History of activity 1.1' });
    expect(within(table).getByText('Focal point, Jordan')).toBeTruthy();
    expect(within(table).getByText('implementationStatus: ongoing → completed')).toBeTruthy();
    expect(within(table).getByText('percentComplete: 60 → 100')).toBeTruthy();
    expect(within(table).queryByText(/title:/)).toBeNull(); // unchanged fields are left out
    const url = requestedUrls(fetchMock).find((u) => u.pathname === '/api/plans/7/history');
    expect(url?.searchParams.get('entityType')).toBe('plan_activity');
    expect(url?.searchParams.get('entityId')).toBe('11');

    const form = screen.getByRole('form', { name: 'New reporting period' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'quarter');
    await user.type(within(form).getByLabelText('Year'), '2021');
    await user.selectOptions(within(form).getByLabelText('Quarter'), '2');
    await user.click(within(form).getByRole('button', { name: 'Add reporting period' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Due date: Enter a date (YYYY-MM-DD)'); // nothing sent
    expect(posted).toEqual([]);
    await user.type(within(form).getByLabelText('Due date'), '2021-01-31');
    await user.click(within(form).getByRole('button', { name: 'Add reporting period' }));
    // The first message stays until the server's answer replaces it: wait for the new text.
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toMatch(/must not be before the period starts/),
    );
    expect(posted).toEqual([{ kind: 'quarter', year: 2021, quarter: 2, dueDate: '2021-01-31' }]);
  });

  it('offers no editing to a focal point signed in with a read-only token (the server would refuse)', async () => {
    mockApi({
      '/auth/me': () => ({ body: { ...focalMe, via: 'token', scope: 'read', csrfToken: null } }),
      '/notifications': () => noNotices,
      '/plans/7': () => ({ body: buildPlan() }),
      '/plans/7/periods': () => periods,
      '/plans/7/history': () => ({ body: { items: [] } }),
    });
    renderApp('/plans/7/edit');
    expect(
      await screen.findByText(
        /Only administrators and the country’s focal points may change this plan/,
        {},
        FIRST_LOAD,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'New activity' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'New reporting period' })).toBeNull();
  });
});

describe('the country plan page', () => {
  it('summarises the indicators by status and draws values against the target path', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
      '/plans/7/indicators/5/values': () => ({
        body: {
          items: [
            {
              periodCode: '2019-2020',
              year: 2020,
              status: 'reported',
              level: 'C',
              numericValue: null,
              source: 'published',
              sourceName: 'TrACSS 2019–2020',
            },
          ],
        },
      }),
    });
    renderApp('/countries/JOR/plan');
    const summary = await screen.findByTestId('status-summary', {}, FIRST_LOAD);
    expect(
      within(summary)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '0', '0', '1', '0']);
    const chart = await screen.findByTestId('progress-chart');
    const datasets = JSON.parse(chart.getAttribute('data-datasets') ?? '[]');
    expect(JSON.parse(chart.getAttribute('data-labels') ?? '[]')).toEqual([
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
    ]);
    expect(datasets.map((d: { label: string }) => d.label)).toEqual([
      'Target path',
      'Target',
      'Reported value',
    ]);
    expect(datasets[1].data).toEqual([null, null, null, null, 4]); // target D in 2022
    expect(datasets[2].data).toEqual([null, null, 3, null, null]); // C reported for 2019–2020
    expect(chart.getAttribute('aria-label')).toMatch(/status Off track/);
    expect(screen.queryByRole('link', { name: 'Edit this plan' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Reporting periods and history' })).toBeTruthy();
  });
});

describe('notices in the header', () => {
  it('counts the unread notices and marks one read', async () => {
    let readAt: string | null = null;
    const notice = (): Notification => ({
      id: 5,
      kind: 'returned',
      periodId: 9,
      countryIso3: 'JOR',
      code: null,
      params: null,
      message: 'JOR 2020 was returned: check 7.4',
      createdAt: '2026-11-20T10:00:00.000Z',
      readAt,
    });
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/notifications': () => ({ body: { items: [notice()], unread: readAt ? 0 : 1 } }),
      '/notifications/5/read': () => {
        readAt = '2026-11-21T10:00:00.000Z';
        return { status: 204, body: null };
      },
      '/countries': () => ({ body: { items: [] } }),
    });
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Notices (1 unread)' }));
    const panel = screen.getByRole('region', { name: 'Notices' });
    expect(
      within(panel).getByRole('link', { name: 'JOR 2020 was returned: check 7.4' }).getAttribute('href'),
    ).toBe('/periods/9');
    await user.click(within(panel).getByRole('button', { name: 'Mark as read' }));
    expect(await screen.findByRole('button', { name: 'Notices' })).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Notices' })).queryByRole('button', { name: 'Mark as read' }),
    ).toBeNull();
  });
});
