import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { fr } from '../../client/i18n/locales/fr';
import { EntryGridSchema, MeSchema } from '../../shared';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

/* The plan's validation rules in the data-entry grid, and validators' comments on a value. */

const me = (roleName: 'focal_point' | 'validator') =>
  MeSchema.parse({
    id: roleName === 'validator' ? 4 : 3,
    email: `${roleName}@example.org`,
    displayName: roleName === 'validator' ? 'Validator, Jordan' : 'Focal point, Jordan',
    demo: false,
    roles: [{ role: roleName, country: 'JOR', sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: 'csrf-1',
  });

const indicator = (id: number, code: string, measureType: string) => ({
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
});
const stored = (code: string, numericValue: number, comment: string | null = null) => ({
  countryIso3: 'JOR',
  indicatorId: 2,
  indicatorCode: code,
  frameworkCode: 'national-jor',
  periodCode: '2024',
  status: 'reported',
  level: null,
  numericValue,
  numerator: null,
  denominator: null,
  textValue: null,
  source: 'national_draft',
  statusReason: null,
  version: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: { id: 3, name: 'Focal point, Jordan' },
  comment,
  evidence: [],
});
const step = { by: null, at: null };
const gridOf = (state: 'draft' | 'submitted', c1: object | null, validatorComment: object | null = null) =>
  EntryGridSchema.parse({
    plan: { id: 1, title: 'Jordan NAP', countryIso3: 'JOR' },
    period: {
      id: 7,
      planId: 1,
      code: '2024',
      kind: 'year',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      dueDate: '2025-03-31',
      dueState: state === 'draft' ? 'due' : 'submitted',
      demo: false,
      submission: {
        id: 1,
        countryIso3: 'JOR',
        state,
        reason: null,
        version: 1,
        submitted: step,
        approved: step,
        returned: step,
        reopened: step,
      },
    },
    locked: state === 'submitted',
    completeness: { entered: c1 ? 1 : 0, expected: 2 },
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
        rules: { min: 10, max: 90, jumpPercent: null },
        jumpBase: null,
      },
      {
        planIndicatorId: 12,
        indicator: indicator(2, 'C1', 'count'),
        frameworkPeriodCode: '2024',
        value: c1,
        previous: [
          {
            periodCode: '2023',
            status: 'reported',
            level: null,
            numericValue: 40,
            textValue: null,
            source: 'national_approved',
          },
        ],
        follows: null,
        published: null,
        rules: { min: null, max: null, jumpPercent: 50 },
        jumpBase: { periodCode: '2023', value: 40 },
        validatorComment,
      },
    ],
  });

const posts: { path: string; body: unknown }[] = [];
const routes = (who: 'focal_point' | 'validator', grid: ReturnType<typeof gridOf>) => ({
  '/auth/me': () => ({ body: me(who) }),
  '/periods/7/entry': () => ({ body: grid }),
  '/periods/7/history': () => ({ body: { items: [] } }),
  '/values/JOR/national-jor/P1/2024': () => ({ status: 201, body: stored('P1', 1) }),
  '/values/JOR/national-jor/C1/2024': () => ({ status: 201, body: stored('C1', 1) }),
  '/periods/7/rows/12/validator-comment': (url: URL, init?: RequestInit) => {
    posts.push({ path: url.pathname, body: JSON.parse(String(init?.body)) });
    return {
      status: 201,
      body: {
        body: 'Name the laboratories',
        by: { id: 4, name: 'Validator, Jordan' },
        at: '2025-04-02T09:00:00.000Z',
      },
    };
  },
});
/** Text with the no-break spaces Intl puts in numbers and percentages as plain spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F]/g, ' ');
const findingsOf = (code: string) => {
  const tr = screen.getByRole('textbox', { name: new RegExp(`${code}`) }).closest('tr') as HTMLElement;
  return within(tr)
    .queryAllByRole('listitem')
    .filter((li) => li.closest('[data-testid="rule-findings"]'));
};

beforeEach(() => {
  localStorage.clear();
  posts.length = 0;
});

describe('validation rules in the grid, while typing', () => {
  it('shows a value above the maximum as an error and a jump as a warning that a comment answers', async () => {
    mockApi(routes('focal_point', gridOf('draft', null)));
    const { user } = renderApp('/periods/7');
    await user.type(await screen.findByRole('textbox', { name: 'Value of P1 (%)' }), '95');
    const [error] = findingsOf('Value of P1');
    expect(error?.dataset.severity).toBe('error');
    expect(error?.textContent).toBe(
      '✖ 95 is above the maximum set for this indicator (90): correct it, or the period cannot be submitted.',
    );
    // Back within the rules: the error goes.
    await user.clear(screen.getByRole('textbox', { name: 'Value of P1 (%)' }));
    await user.type(screen.getByRole('textbox', { name: 'Value of P1 (%)' }), '50');
    expect(findingsOf('Value of P1')).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Value of C1' }), '90');
    const [warning] = findingsOf('Value of C1');
    expect(warning?.dataset.severity).toBe('warning');
    expect(warning?.textContent).toBe(
      '⚠ +125 % against 40 in 2023 (more than ±50 %): explain it in the comment before submitting.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Comment on C1' }), 'Two new laboratories');
    expect(findingsOf('Value of C1')[0]?.textContent).toBe(
      '⚠ +125 % against 40 in 2023 (more than ±50 %): explained in the comment.',
    );
  });

  it('words the findings in French with French numbers', async () => {
    mockApi(routes('focal_point', gridOf('draft', null)));
    const { user } = renderApp('/periods/7', { locale: 'fr', catalog: fr });
    await user.type(await screen.findByRole('textbox', { name: 'Valeur de P1 (%)' }), '95,5');
    expect(plain(findingsOf('Valeur de P1')[0]?.textContent)).toBe(
      '✖ 95,5 est supérieur au maximum fixé pour cet indicateur (90) : corrigez-le, sinon la période ne pourra pas être soumise.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Valeur de C1' }), '12');
    expect(plain(findingsOf('Valeur de C1')[0]?.textContent)).toBe(
      '⚠ −70 % par rapport à 40 en 2023 (plus de ±50 %) : expliquez-le dans le commentaire avant de soumettre.',
    );
  });

  it('words them in Arabic, numbers as Intl writes Arabic', async () => {
    mockApi(routes('focal_point', gridOf('draft', null)));
    const { user } = renderApp('/periods/7', { locale: 'ar', catalog: ar });
    await user.type(await screen.findByRole('textbox', { name: 'قيمة P1 (%)' }), '٩٥');
    const text = findingsOf('قيمة P1')[0]?.textContent ?? '';
    expect(text).toContain('أعلى من الحد الأقصى');
    const arabic = new Intl.NumberFormat('ar');
    expect(text).toContain(`${arabic.format(95)} أعلى`);
    expect(text).toContain(`(${arabic.format(90)})`);
  });
});

describe('validator comments on a value', () => {
  it('shows the validator’s comment to the focal point beside the value', async () => {
    mockApi(
      routes(
        'focal_point',
        gridOf('draft', stored('C1', 90), {
          body: 'Which laboratories?',
          by: { id: 4, name: 'Validator, Jordan' },
          at: '2025-04-01T09:00:00.000Z',
        }),
      ),
    );
    renderApp('/periods/7');
    const note = await screen.findByTestId('validator-comment');
    expect(note.textContent).toBe(
      'Validator’s comment (Validator, Jordan, Apr 1, 2025): Which laboratories?',
    );
    expect(note.closest('tr')?.querySelector('th')?.textContent).toContain('C1');
    // The focal point is no validator: no comment form.
    expect(screen.queryByRole('button', { name: 'Comment on C1' })).toBeNull();
  });

  it('lets a validator of a submitted period comment on one value', async () => {
    mockApi(routes('validator', gridOf('submitted', stored('C1', 90, 'Two new laboratories'))));
    const { user } = renderApp('/periods/7');
    // Only a row with a value can be commented.
    expect(screen.queryByRole('button', { name: 'Comment on P1' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Comment on C1' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Your comment on the value of C1' }),
      'Name the laboratories',
    );
    await user.click(screen.getByRole('button', { name: 'Send the comment' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: '/api/periods/7/rows/12/validator-comment',
      body: { comment: 'Name the laboratories' },
    });
    expect(await screen.findByText('Comment sent to the focal points')).toBeTruthy();
    // The explained jump shows as such to the validator too.
    expect(findingsOf('Comment on C1')[0]?.textContent).toMatch(/explained in the comment/);
  });
});
