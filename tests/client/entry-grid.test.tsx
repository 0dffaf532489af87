import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EntryGridSchema, MeSchema } from '../../shared';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

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
    },
    {
      planIndicatorId: 12,
      indicator: indicator(2, 'L1', 'level', { levels }),
      frameworkPeriodCode: '2024',
      value: null,
      previous: [],
    },
    {
      planIndicatorId: 13,
      indicator: indicator(3, 'R1', 'ratio'),
      frameworkPeriodCode: '2024',
      value: null,
      previous: [],
    },
  ],
});

const puts: { url: string; body: Record<string, unknown> }[] = [];
beforeEach(() => {
  localStorage.clear();
  puts.length = 0;
  mockApi({
    '/auth/me': () => ({ body: focalMe }),
    '/periods/7/entry': () => ({ body: grid }),
    '/periods/7/history': () => ({ body: { items: [] } }),
    '/values/JOR/national-jor/R1/2024': (url, init) => {
      const body = JSON.parse(String(init?.body));
      puts.push({ url: url.pathname, body });
      return {
        status: 201,
        body: {
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
          statusReason: body.reason ?? null,
          version: 1,
          updatedAt: '2025-01-01T00:00:00.000Z',
          updatedBy: { id: 3, name: 'Focal point, Jordan' },
          comment: null,
          evidence: [],
        },
      };
    },
  });
});

describe('the data-entry grid', () => {
  it('moves across cells with the arrow keys and Enter', async () => {
    const { user } = renderApp('/periods/7');
    const first = await screen.findByRole('combobox', { name: 'Status of P1' });
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Value of P1 (%)' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Level of L1' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Numerator of R1' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Denominator of R1' }));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Comment on P1' }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Status of P1' }));
    // Each level shows its wording.
    expect(screen.getByRole('option', { name: 'C — Plan approved' })).toBeTruthy();
  });

  it('names the field of a bad value and sends nothing; keeps the draft in this browser', async () => {
    const { user } = renderApp('/periods/7');
    await user.type(await screen.findByRole('textbox', { name: 'Value of P1 (%)' }), '140');
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toMatch(/^value\.percentage: Too big/);
    expect(puts).toEqual([]);
    expect(JSON.parse(localStorage.getItem('nap-draft:7:11') ?? '{}')).toMatchObject({ main: '140' });
  });

  it('records "no data" only with a reason', async () => {
    const { user } = renderApp('/periods/7');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status of R1' }), 'no_data');
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toBe(
      'reason: is required when status is no_data',
    );
    await user.type(screen.getByRole('textbox', { name: 'Reason for no data of R1' }), 'Survey postponed');
    await waitFor(() => expect(puts).toHaveLength(1), { timeout: 3000 });
    expect(puts[0]?.body).toMatchObject({ status: 'no_data', reason: 'Survey postponed' });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(localStorage.getItem('nap-draft:7:13')).toBeNull();
  });
});

describe('the spreadsheet upload', () => {
  const result = (
    rows: { row: number; indicator: string; status: string; problems?: object[] }[],
    dryRun: boolean,
  ) => {
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    return {
      dryRun,
      applied: !dryRun,
      counts: {
        new: count('new'),
        changed: count('changed'),
        unchanged: count('unchanged'),
        error: count('error'),
      },
      rows: rows.map((r) => ({ framework: 'national-jor', problems: [], ...r })),
    };
  };

  it('lists every row of the dry run and applies only a file without errors', async () => {
    const imports: { dryRun: string | null; fileName: string }[] = [];
    let bad = true;
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/periods/7/entry': () => ({ body: grid }),
      '/periods/7/history': () => ({ body: { items: [] } }),
      '/periods/7/import': (url, init) => {
        const dryRun = url.searchParams.get('dryRun');
        // The file goes as multipart form data, not inside JSON.
        const file = (init?.body as FormData | undefined)?.get('file') as File;
        imports.push({ dryRun, fileName: file.name });
        const rows = [
          { row: 2, indicator: 'P1', status: 'new' },
          bad
            ? {
                row: 3,
                indicator: 'L1',
                status: 'error',
                problems: [{ column: 'level', message: '"F" is not a level A–E' }],
              }
            : { row: 3, indicator: 'L1', status: 'changed' },
          { row: 4, indicator: 'R1', status: 'unchanged' },
        ];
        return { body: result(rows, dryRun === 'true') };
      },
    });
    const { user } = renderApp('/periods/7');
    const link = await screen.findByRole('link', { name: 'Download template' });
    expect(link.getAttribute('href')).toBe('/api/periods/7/template.xlsx');
    const input = screen.getByLabelText('Upload spreadsheet (.xlsx or .csv)');
    await user.upload(input, new File(['framework,indicator'], 'values.csv', { type: 'text/csv' }));

    const table = await screen.findByRole('table', { name: 'Dry run of values.csv' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['2', 'P1', 'New', ''],
      ['3', 'L1', 'Error', 'level: "F" is not a level A–E'],
      ['4', 'R1', 'Unchanged', ''],
    ]);
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);

    bad = false;
    await user.upload(input, new File(['framework,indicator'], 'fixed.csv', { type: 'text/csv' }));
    await screen.findByRole('table', { name: 'Dry run of fixed.csv' });
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toHaveProperty('disabled', false);
    await user.click(apply);
    expect(await screen.findByText('Imported: 1 new, 1 changed.')).toBeTruthy();
    expect(imports).toEqual([
      { dryRun: 'true', fileName: 'values.csv' },
      { dryRun: 'true', fileName: 'fixed.csv' },
      { dryRun: 'false', fileName: 'fixed.csv' },
    ]);
  });

  it('does not send a file over the size limit, and says so', async () => {
    let sent = 0;
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/periods/7/entry': () => ({ body: grid }),
      '/periods/7/history': () => ({ body: { items: [] } }),
      '/periods/7/import': () => {
        sent++;
        return { status: 500, body: {} };
      },
    });
    const { user } = renderApp('/periods/7');
    const input = await screen.findByLabelText('Upload spreadsheet (.xlsx or .csv)');
    await user.upload(input, new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.xlsx'));
    expect(await screen.findByText('big.xlsx is larger than 2 MB; it was not sent.')).toBeTruthy();
    expect(sent).toBe(0);
  });
});
