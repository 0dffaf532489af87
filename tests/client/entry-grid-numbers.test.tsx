import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { fr } from '../../client/i18n/locales/fr';
import { EntryGridSchema, MeSchema } from '../../shared';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

/* Numbers in the data-entry grid are typed and shown as the interface language writes them. */

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
const stored = (code: string, numericValue: number | null, extra: object = {}) => ({
  countryIso3: 'JOR',
  indicatorId: 1,
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
  comment: null,
  evidence: [],
  ...extra,
});
const step = { by: null, at: null };
const row = (planIndicatorId: number, ind: object, value: object | null, previous: object[] = []) => ({
  planIndicatorId,
  indicator: ind,
  frameworkPeriodCode: '2024',
  value,
  previous,
  follows: null,
  published: null,
});
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
  completeness: { entered: 1, expected: 4 },
  history: [],
  rows: [
    row(11, indicator(1, 'P1', 'percentage'), null),
    row(12, indicator(2, 'N1', 'number'), stored('N1', 1234.5), [
      {
        periodCode: '2023',
        status: 'reported',
        level: null,
        numericValue: 98765.25,
        textValue: null,
        source: 'national_approved',
      },
    ]),
    row(13, indicator(3, 'C1', 'count'), null),
    row(14, indicator(4, 'T1', 'text'), stored('T1', null, { textValue: 'Decree signed' })),
  ],
});

const puts: { path: string; body: { value?: unknown } }[] = [];
const imports: URL[] = [];
beforeEach(() => {
  localStorage.clear();
  puts.length = 0;
  imports.length = 0;
  const put = (code: string) => (url: URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    puts.push({ path: url.pathname, body });
    return { status: 201, body: stored(code, 1) };
  };
  mockApi({
    '/auth/me': () => ({ body: focalMe }),
    '/periods/7/entry': () => ({ body: grid }),
    '/periods/7/history': () => ({ body: { items: [] } }),
    '/values/JOR/national-jor/P1/2024': put('P1'),
    '/values/JOR/national-jor/C1/2024': put('C1'),
    '/periods/7/import': (url) => {
      imports.push(url);
      return {
        body: {
          dryRun: true,
          applied: false,
          counts: { new: 0, changed: 0, unchanged: 0, error: 0 },
          rows: [],
        },
      };
    },
  });
});

describe('the grid in French', () => {
  const french = { locale: 'fr', catalog: fr } as const;

  it('shows stored numbers as French writes them, in the inputs and in the earlier periods', async () => {
    renderApp('/periods/7', french);
    const input = (await screen.findByRole('textbox', { name: 'Valeur de N1' })) as HTMLInputElement;
    expect(input.value).toBe('1234,5');
    const earlier = within(input.closest('tr') as HTMLElement).getByRole('listitem');
    expect(earlier.textContent).toBe('2023: 98\u202F765,25');
    // A text milestone shows its text, and takes at most 500 characters.
    const text = screen.getByRole('textbox', { name: 'Valeur de T1' }) as HTMLInputElement;
    expect(text.value).toBe('Decree signed');
    expect(text.maxLength).toBe(500);
  });

  it('sends "45,5" typed in French as the number 45.5', async () => {
    const { user } = renderApp('/periods/7', french);
    await user.type(await screen.findByRole('textbox', { name: 'Valeur de P1 (%)' }), '45,5');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      path: '/api/values/JOR/national-jor/P1/2024',
      body: { status: 'reported', value: { type: 'percentage', percentage: 45.5 }, evidence: [] },
    });
    expect(await screen.findByText('Enregistré')).toBeTruthy();
  });

  it('refuses "1.234" in French as ambiguous, says why in French, and sends nothing', async () => {
    const { user } = renderApp('/periods/7', french);
    await user.type(await screen.findByRole('textbox', { name: 'Valeur de C1' }), '1.234');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('« 1.234 » est ambigu : écrivez 1234 pour le nombre entier, ou 1,234');
    expect(puts).toEqual([]);
  });

  it('refuses a negative count, saying so in French beside the invalid input', async () => {
    const { user } = renderApp('/periods/7', french);
    await user.type(await screen.findByRole('textbox', { name: 'Valeur de C1' }), '−3');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Ne doit pas être négatif');
    const input = screen.getByRole('textbox', { name: 'Valeur de C1' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(puts).toEqual([]);
  });

  it('uploads a spreadsheet saying its numbers are written in French', async () => {
    const { user } = renderApp('/periods/7', french);
    const input = await screen.findByLabelText('Téléverser le tableur (.xlsx ou .csv)');
    await user.upload(input, new File(['framework,indicator,value'], 'valeurs.csv', { type: 'text/csv' }));
    await waitFor(() => expect(imports).toHaveLength(1));
    expect(Object.fromEntries(imports[0]?.searchParams ?? [])).toEqual({ dryRun: 'true', locale: 'fr' });
  });
});

describe('the grid in Arabic', () => {
  it('takes Arabic-Indic digits and the Arabic decimal separator', async () => {
    const { user } = renderApp('/periods/7', { locale: 'ar', catalog: ar });
    await user.type(await screen.findByRole('textbox', { name: 'قيمة P1 (%)' }), '٤٥٫٥');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body.value).toEqual({ type: 'percentage', percentage: 45.5 });
  });
});
