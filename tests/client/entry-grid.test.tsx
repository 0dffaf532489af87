import { cleanup, screen, waitFor, within } from '@testing-library/react';
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
          source: 'national_draft',
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
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Enter a percentage between 0 and 100');
    expect(puts).toEqual([]);
    expect(JSON.parse(localStorage.getItem('nap-draft:7:11') ?? '{}')).toMatchObject({ main: '140' });
  });

  it('says what to do when a reported value is left empty, and sends nothing', async () => {
    const { user } = renderApp('/periods/7');
    await user.type(await screen.findByRole('textbox', { name: 'Comment on P1' }), 'Survey in March');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Enter a value');
    expect(screen.getByRole('textbox', { name: 'Value of P1 (%)' }).getAttribute('aria-describedby')).toBe(
      alert.id,
    );
    expect(puts).toEqual([]);
  });

  it('records "no data" only with a reason', async () => {
    const { user } = renderApp('/periods/7');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status of R1' }), 'no_data');
    expect((await screen.findByRole('alert')).textContent).toBe('Required when “Status” is “No data”');
    await user.type(screen.getByRole('textbox', { name: 'Reason for no data of R1' }), 'Survey postponed');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body).toMatchObject({ status: 'no_data', reason: 'Survey postponed' });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(localStorage.getItem('nap-draft:7:13')).toBeNull();
  });

  it('adds an evidence link once its panel is opened (a closed panel holds no fields)', async () => {
    const { user } = renderApp('/periods/7');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status of R1' }), 'no_data');
    await user.type(screen.getByRole('textbox', { name: 'Reason for no data of R1' }), 'Survey postponed');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(screen.queryByRole('textbox', { name: 'Evidence address for R1' })).toBeNull();
    const row = screen.getByRole('combobox', { name: 'Status of R1' }).closest('tr') as HTMLElement;
    await user.click(within(row).getByText('Evidence (0)'));
    await user.type(
      await within(row).findByRole('textbox', { name: 'Evidence address for R1' }),
      'https://example.org/survey-plan',
    );
    await user.type(within(row).getByRole('textbox', { name: 'Evidence title for R1' }), 'Survey plan');
    await user.click(within(row).getByRole('button', { name: 'Add link' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.body).toMatchObject({
      status: 'no_data',
      reason: 'Survey postponed',
      evidence: [{ url: 'https://example.org/survey-plan', title: 'Survey plan' }],
    });
    expect(within(row).getByRole('link', { name: 'Survey plan' }).getAttribute('href')).toBe(
      'https://example.org/survey-plan',
    );
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
                problems: [{ column: 'level', message: '"F" is not a level A–E', code: 'not_a_level' }],
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
      ['3', 'L1', 'Error', 'Level: Write a level from A to E'],
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

describe('what the grid says about sources and locks', () => {
  /** Jordan's own indicator following TrACSS 9.1, its published answer (C) given for reference. */
  const follows91 = {
    planIndicatorId: 14,
    indicator: indicator(4, 'tracss-2019-2020:9.1', 'level', {
      levels,
      followsIndicatorId: 91,
      name: 'National monitoring of antimicrobial use',
    }),
    frameworkPeriodCode: '2024',
    value: null,
    previous: [
      {
        periodCode: '2023',
        status: 'reported',
        level: 'C',
        numericValue: null,
        textValue: null,
        source: 'national_draft',
      },
      {
        periodCode: '2022',
        status: 'reported',
        level: 'B',
        numericValue: null,
        textValue: null,
        source: 'national_approved',
      },
    ],
    follows: { id: 91, frameworkCode: 'tracss-2019-2020', frameworkName: 'TrACSS 2019–2020', code: '9.1' },
    published: {
      indicatorId: 91,
      frameworkCode: 'tracss-2019-2020',
      frameworkName: 'TrACSS 2019–2020',
      indicatorCode: '9.1',
      periodCode: '2019-2020',
      periodLabel: '2019–2020',
      status: 'reported',
      level: 'C',
      numericValue: null,
      textValue: 'C - Plan approved',
      source: 'published',
    },
  };
  const gridWith = (over: { period?: object; submission?: object; locked?: boolean; rows?: unknown[] }) =>
    EntryGridSchema.parse({
      ...grid,
      locked: over.locked ?? grid.locked,
      rows: over.rows ?? grid.rows,
      period: {
        ...grid.period,
        ...over.period,
        submission: { ...grid.period.submission, ...over.submission },
      },
    });
  const serve = (g: unknown, onPut?: (url: string, body: unknown) => void) =>
    mockApi({
      '/auth/me': () => ({ body: focalMe }),
      '/periods/7/entry': () => ({ body: g }),
      '/periods/7/history': () => ({ body: { items: [] } }),
      '/values/JOR/national-jor/tracss-2019-2020%3A9.1/2024': (url, init) => {
        const body = JSON.parse(String(init?.body));
        onPut?.(url.pathname, body);
        return {
          status: 201,
          body: {
            countryIso3: 'JOR',
            indicatorId: 4,
            indicatorCode: 'tracss-2019-2020:9.1',
            frameworkCode: 'national-jor',
            periodCode: '2024',
            status: 'reported',
            level: body.value.level,
            numericValue: null,
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
          },
        };
      },
    });

  it("shows the published answer a row follows, and saves the country's own assessment apart from it", async () => {
    const sent: { url: string; body: unknown }[] = [];
    serve(gridWith({ rows: [follows91] }), (url, body) => sent.push({ url, body }));
    const { user } = renderApp('/periods/7');
    const header = await screen.findByRole('rowheader', { name: /^9\.1 National monitoring/ });
    expect(header.textContent).not.toContain('tracss-2019-2020:9.1');
    // The published answer for reference: its level, its source, what the level means.
    const note = within(header).getByRole('paragraph');
    expect([...note.children].map((c) => c.textContent)).toEqual([
      'C',
      'Published, TrACSS 2019–2020',
      'Plan approved',
    ]);
    expect(within(note).getByText('C').getAttribute('title')).toBe('Level C');
    expect(within(header).getByText('Published, TrACSS 2019–2020').getAttribute('title')).toMatch(
      /read-only here/,
    );
    expect(screen.getByText(/the grid records JOR’s own assessment for this period/)).toBeTruthy();
    // Earlier periods: the approved one as it is, the one not yet approved marked so.
    const row = header.closest('tr') as HTMLElement;
    const earlier = within(row)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(earlier).toEqual(['2023: C Draft, not yet approved', '2022: B']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Level of 9.1' }), 'D');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/values/JOR/national-jor/tracss-2019-2020%3A9.1/2024',
      body: { status: 'reported', value: { type: 'level', level: 'D' }, evidence: [] },
    });
  });

  it('says a submitted period is locked until a validator returns it, and keeps its values read-only', async () => {
    serve(
      gridWith({
        locked: true,
        submission: {
          state: 'submitted',
          version: 2,
          submitted: { by: { id: 3, name: 'Focal point, Jordan' }, at: '2025-03-12T09:00:00.000Z' },
        },
      }),
    );
    renderApp('/periods/7');
    expect(
      await screen.findByText(
        'Submitted on March 12, 2025 — locked until a validator returns it. The values cannot change while the period waits for approval.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Value of P1 (%)' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('combobox', { name: 'Level of L1' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
  });

  it('says when an approved period was approved', async () => {
    serve(
      gridWith({
        locked: true,
        submission: { state: 'approved', version: 3, approved: { by: null, at: '2025-04-02T10:00:00.000Z' } },
      }),
    );
    renderApp('/periods/7');
    expect(
      await screen.findByText('Approved on April 2, 2025 — locked until a validator reopens it.'),
    ).toBeTruthy();
  });

  it('says the values of the demo period are demo data', async () => {
    serve(gridWith({ period: { demo: true } }));
    renderApp('/periods/7');
    const badge = await screen.findByText('Demo data');
    expect(badge.closest('p')?.textContent).toMatch(
      /^Demo data This is the demo reporting period: the values entered here are demo data, not the country’s report/,
    );
    // An ordinary period says nothing of the kind.
    cleanup();
    serve(grid);
    renderApp('/periods/7');
    await screen.findByRole('combobox', { name: 'Status of P1' });
    expect(screen.queryByText('Demo data')).toBeNull();
    expect(screen.queryByText(/locked until/)).toBeNull();
  });
});
