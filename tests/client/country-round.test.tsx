import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toProfileRows } from '../../client/features/values/profile-rows';
import { type Indicator, type IndicatorValue, IndicatorValueSchema, type Round } from '../../shared';
import { buildIndicator, jordan, jordanCompare, page } from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/*
 * The country page shows the round the address names (?round=tracss-2025), picked among the rounds the
 * server has, and its profile shows a multiple choice as the list of the options chosen
 * (docs/decisions/choice-questions.md).
 */
const F = 'tracss-2025';
const round = (code: string, name: string, period: string): Round => ({
  code,
  name,
  periods: [period],
  questions: 1,
  mapping: null,
});
const rounds = [round('tracss-2019-2020', 'TrACSS 2019–2020', '2019-2020'), round(F, 'TrACSS 2025', '2025')];

const q21 = buildIndicator({
  id: 101,
  code: '2.1',
  name: 'Multi-sector and One Health collaboration',
  frameworkCode: F,
});
const q22 = buildIndicator({
  id: 102,
  code: '2.2',
  name: 'Which sectors are members of the AMR multisectoral coordination mechanism?',
  frameworkCode: F,
  measureType: 'multiple_choice',
  levels: null,
  options: [
    { code: '1', label: 'Human Health' },
    { code: '2', label: 'Terrestrial Animal Health' },
    { code: '3', label: 'Aquatic animal health' },
    { code: '4', label: 'Environment' },
  ],
});
const q45a = buildIndicator({
  id: 103,
  code: '4.5.a',
  name: 'Do you have a national plan or system in place for monitoring sales/use of antimicrobials in animals?',
  frameworkCode: F,
  measureType: 'single_choice',
  levels: null,
  options: [
    { code: '1', label: 'No' },
    { code: '2', label: 'Yes, aquatic animals only' },
  ],
});
const q46 = buildIndicator({ id: 104, code: '4.6', name: 'WOAH Reporting Options', frameworkCode: F });
const q26 = buildIndicator({
  id: 105,
  code: '2.6',
  name: 'Is a research component included in the NAP?',
  frameworkCode: F,
  measureType: 'yes_no',
  levels: null,
});
const questions: Indicator[] = [q21, q22, q45a, q46, q26];

const value = (q: Indicator, v: Partial<IndicatorValue>): IndicatorValue =>
  IndicatorValueSchema.parse({
    countryIso3: 'JOR',
    indicatorId: q.id,
    indicatorCode: q.code,
    frameworkCode: F,
    periodCode: '2025',
    status: 'reported',
    level: null,
    numericValue: null,
    numerator: null,
    denominator: null,
    textValue: null,
    source: 'published',
    ...v,
  });
const values = [
  value(q21, { level: 'C', textValue: 'C - Formalized' }),
  // Chosen out of order: shown in the question's order.
  value(q22, { choices: ['4', '1'], textValue: 'Human Health; Environment' }),
  value(q45a, { choices: ['2'], textValue: 'Yes, aquatic animals only' }),
  value(q46, { status: 'not_applicable', textValue: 'N/A' }),
  value(q26, { numericValue: 1, textValue: 'Yes' }),
];

describe('toProfileRows with choice questions', () => {
  it('gives the options chosen, in the question’s order, and keeps N/A as not applicable', () => {
    const rows = toProfileRows(questions, values);
    expect(rows.map((r) => [r.code, r.kind, r.status, r.level, r.choices])).toEqual([
      ['2.1', 'level', 'reported', 'C', null],
      ['2.2', 'multiple_choice', 'reported', null, ['Human Health', 'Environment']],
      ['4.5.a', 'single_choice', 'reported', null, ['Yes, aquatic animals only']],
      ['4.6', 'level', 'not_applicable', null, null],
    ]);
  });
});

describe('Country page, another round', () => {
  it('shows the round the address names, a multiple choice as a list, and switches rounds', async () => {
    const fetchMock = mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/national-reports': () => ({ body: { framework: F, items: [] } }),
      '/rounds': () => ({ body: { items: rounds } }),
      '/values': (url) => ({ body: page(url.searchParams.get('framework') === F ? values : []) }),
      [`/frameworks/${F}/indicators`]: () => ({ body: { items: questions } }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: [] } }),
      '/compare': () => ({ body: { ...jordanCompare, framework: F, period: '2025' } }),
    });
    const { user, router } = renderApp(`/countries/JOR?round=${F}`);
    const profile = await screen.findByRole('table', { name: 'TrACSS 2025 profile' });
    const row = (code: string) =>
      within(profile)
        .getAllByRole('row')
        .find((r) => within(r).queryByText(code, { selector: 'code' })) as HTMLElement;
    const list = within(row('2.2')).getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Human Health', 'Environment']);
    expect(within(row('4.5.a')).getByText('Yes, aquatic animals only')).toBeTruthy();
    expect(within(row('4.6')).getByText('Not applicable')).toBeTruthy();
    expect(within(row('2.1')).getByText('C')).toBeTruthy();
    const asked = requestedUrls(fetchMock).find((u) => u.pathname === '/api/values');
    expect(asked?.searchParams.get('period')).toBe('2025');

    const picker = screen.getByRole('combobox', { name: 'Survey round' });
    expect((picker as HTMLSelectElement).value).toBe(F);
    await user.selectOptions(picker, 'tracss-2019-2020');
    expect(router.state.location.search).toBe('?round=tracss-2019-2020');
    // The 2019–2020 answers of this mock are none: the page says so for that round.
    expect(await screen.findByText('No TrACSS 2019–2020 answer.')).toBeTruthy();
  });
});
