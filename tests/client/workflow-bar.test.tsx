import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EntryGridSchema, type Me, MeSchema } from '../../shared';
import { jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

const me = (role: 'focal_point' | 'validator'): Me =>
  MeSchema.parse({
    id: role === 'focal_point' ? 3 : 4,
    email: `${role}@example.org`,
    displayName: role,
    demo: false,
    roles: [{ role, country: 'JOR', sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: 'csrf-1',
  });

const indicator = (id: number, code: string, measureType: string, extra: object = {}) => ({
  id,
  frameworkCode: 'national-jor',
  code,
  questionCode: null,
  sortOrder: id,
  name: `Indicator ${code}`,
  subItem: null,
  definition: null,
  section: null,
  measureType,
  unit: null,
  numeratorLabel: null,
  denominatorLabel: null,
  direction: 'increase',
  levels: null,
  gapObjective: null,
  sectors: [],
  resultLevel: null,
  dataSource: null,
  frequency: null,
  calculation: null,
  collectionMethod: null,
  followsIndicatorId: null,
  ...extra,
});
const levels = {
  A: 'No plan',
  B: 'Plan in development',
  C: 'Plan approved',
  D: 'Plan funded',
  E: 'Plan monitored',
};
const step = { by: null, at: null };
const grid = EntryGridSchema.parse({
  plan: { id: 1, title: 'Jordan NAP', countryIso3: 'JOR' },
  period: {
    id: 7,
    planId: 1,
    code: '2024',
    kind: 'year',
    startDate: '2024-01-01',
    endDate: '2024-12-31',
    dueDate: '2025-03-31',
    dueState: 'due',
    demo: false,
    submission: {
      id: 1,
      countryIso3: 'JOR',
      state: 'draft',
      reason: null,
      version: 1,
      submitted: step,
      approved: step,
      returned: step,
      reopened: step,
    },
  },
  locked: false,
  completeness: { entered: 0, expected: 3 },
  history: [],
  rows: [
    {
      planIndicatorId: 11,
      indicator: indicator(1, 'P1', 'percentage'),
      frameworkPeriodCode: '2024',
      value: null,
      previous: [],
      follows: null,
      published: null,
    },
    {
      planIndicatorId: 12,
      indicator: indicator(2, 'L1', 'level', { levels }),
      frameworkPeriodCode: '2024',
      value: null,
      previous: [],
      follows: null,
      published: null,
    },
    {
      planIndicatorId: 13,
      indicator: indicator(3, 'R1', 'ratio'),
      frameworkPeriodCode: '2024',
      value: null,
      previous: [],
      follows: null,
      published: null,
    },
  ],
});

const submitted = EntryGridSchema.parse({
  ...grid,
  locked: true,
  completeness: { entered: 3, expected: 3 },
  period: { ...grid.period, submission: { ...grid.period.submission, state: 'submitted', version: 2 } },
});

const storedR1 = (body: Record<string, unknown>) => ({
  countryIso3: 'JOR',
  indicatorId: 3,
  indicatorCode: 'R1',
  frameworkCode: 'national-jor',
  periodCode: '2024',
  status: body.status,
  level: null,
  numericValue: null,
  numerator: null,
  denominator: null,
  textValue: null,
  source: 'national_draft',
  statusReason: body.reason ?? null,
  version: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: { id: 3, name: 'Focal point, Jordan' },
  comment: null,
  evidence: [],
});

let posts: { url: string; body: Record<string, unknown> }[] = [];
let historyCalls = 0;
function serve(who: Me, g = grid) {
  posts = [];
  historyCalls = 0;
  return mockApi({
    '/auth/me': () => ({ body: who }),
    '/countries/JOR': () => ({ body: jordan }),
    '/periods/7/entry': () => ({ body: g }),
    '/periods/7/history': () => {
      historyCalls++;
      return { body: { items: [] } };
    },
    '/values/JOR/national-jor/R1/2024': (_url, init) => ({
      status: 201,
      body: storedR1(JSON.parse(String(init?.body))),
    }),
    ...Object.fromEntries(
      ['submit', 'approve', 'return', 'reopen'].map((step) => [
        `/periods/7/${step}`,
        (url: URL, init?: RequestInit) => {
          posts.push({ url: url.pathname, body: JSON.parse(String(init?.body)) });
          return { body: g.period };
        },
      ]),
    ),
  });
}

beforeEach(() => localStorage.clear());

describe('the period page follows every save', () => {
  it('counts the new value and asks for the history again, without reloading the grid', async () => {
    serve(me('focal_point'));
    const { user } = renderApp('/periods/7');
    // The first render loads the lazy page: give it the time a loaded machine needs.
    expect(await screen.findByText(/0 of 3 indicators entered/, {}, FIRST_LOAD)).toBeTruthy();
    await waitFor(() => expect(historyCalls).toBe(1));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status of R1' }), 'no_data');
    await user.type(screen.getByRole('textbox', { name: 'Reason for no data of R1' }), 'Survey postponed');
    expect(await screen.findByText(/1 of 3 indicators entered/)).toBeTruthy();
    await waitFor(() => expect(historyCalls).toBe(2));
  }, 20_000);
});

describe('workflow steps ask before they act', () => {
  it('submit says what will be sent, and sends nothing when cancelled', async () => {
    serve(me('focal_point'));
    const { user } = renderApp('/periods/7');
    await user.click(await screen.findByRole('button', { name: 'Submit' }, FIRST_LOAD));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Submit 0 values for Jordan 2024 to the validator?',
    });
    expect(dialog.textContent).toMatch(/3 indicators have no value yet/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Submit' }));
    expect(posts).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, submit' }));
    await waitFor(() => expect(posts).toEqual([{ url: '/api/periods/7/submit', body: { version: 1 } }]));
  });

  it('return needs its own reason; approve needs none', async () => {
    serve(me('validator'), submitted);
    const { user } = renderApp('/periods/7');
    await user.click(await screen.findByRole('button', { name: 'Return' }, FIRST_LOAD));
    await screen.findByRole('alertdialog', { name: 'Return Jordan 2024 to the focal points?' });
    await user.click(screen.getByRole('button', { name: 'Return with this reason' }));
    const reason = screen.getByRole('textbox', { name: 'What should they correct?' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Write the reason first')).toBeTruthy();
    expect(posts).toEqual([]);
    await user.type(reason, 'Check the 2024 survey');
    await user.click(screen.getByRole('button', { name: 'Return with this reason' }));
    await waitFor(() =>
      expect(posts).toEqual([
        { url: '/api/periods/7/return', body: { version: 2, reason: 'Check the 2024 survey' } },
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const approve = await screen.findByRole('alertdialog', { name: 'Approve 3 values for Jordan 2024?' });
    expect(approve.querySelector('textarea')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Yes, approve' }));
    await waitFor(() => expect(posts[1]).toEqual({ url: '/api/periods/7/approve', body: { version: 2 } }));
  });
});
