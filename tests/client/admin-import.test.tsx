import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ImportResult, MeSchema, type Round } from '../../shared';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

/*
 * The administrators' round import takes the portal's CSV export as well as a workbook, and its dry run
 * lists the columns it does not place, each with why.
 */
const admin = MeSchema.parse({
  id: 1,
  email: 'admin@x.org',
  displayName: 'Ada Admin',
  demo: false,
  roles: [{ role: 'admin', country: null, sectors: [] }],
  via: 'session',
  scope: 'write',
  csrfToken: 'csrf-123',
});
const rounds: Round[] = [
  {
    code: 'tracss-2019-2020',
    name: 'TrACSS 2019–2020',
    periods: ['2019-2020'],
    questions: 113,
    mapping: null,
  },
  { code: 'tracss-2025', name: 'TrACSS 2025', periods: ['2025'], questions: 110, mapping: null },
];
const dryRun: ImportResult = {
  frameworkCode: 'tracss-2025',
  periodCode: '2025',
  fileName: 'part.csv',
  sha256: 'a'.repeat(64),
  dryRun: true,
  alreadyImported: false,
  countries: 3,
  values: 309,
  missingColumns: [],
  unplacedColumns: [
    { column: 'D', header: 'FAO_Region', reason: 'ignored' },
    { column: 'H', header: 'Section_II_Questions_which_are_multisector_in_nature_', reason: 'heading' },
  ],
};

describe('Import a TrACSS round', () => {
  it('checks a CSV and lists the columns it did not place, with why', async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: admin }),
      '/rounds': () => ({ body: { items: rounds } }),
      '/rounds/tracss-2025/import': () => ({ body: dryRun }),
    });
    const { user } = renderApp('/admin/import');
    const form = await screen.findByRole('form', { name: 'Import a TrACSS round' });
    const input = within(form).getByLabelText('Country responses (.xlsx or .csv)') as HTMLInputElement;
    expect(input.accept).toContain('.csv');
    await user.upload(input, new File(['Country,ISO3\n'], 'part.csv', { type: 'text/csv' }));
    await user.click(within(form).getByRole('button', { name: 'Check the file (dry run)' }));
    expect(await within(form).findByText('The file is valid: 309 answers of 3 countries.')).toBeTruthy();
    await user.click(within(form).getByText('Columns not placed (2): no question of the round is in them.'));
    const rows = within(within(form).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['D', 'FAO_Region', 'Ignored on purpose'],
      ['H', 'Section_II_Questions_which_are_multisector_in_nature_', 'Heading, no answers'],
    ]);
    const sent = requestedUrls(fetchMock).find((u) => u.pathname.endsWith('/import'));
    expect(sent?.pathname).toBe('/api/rounds/tracss-2025/import');
  });
});
