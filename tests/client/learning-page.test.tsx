import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { allCountries, page } from './support/fixtures';
import { evaluationSource, groupLearning, jordanVsEgypt, napSource } from './support/me-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

const routes = {
  '/auth/me': () => ({ status: 204, body: null }),
  '/countries': () => ({ body: page(allCountries) }),
  '/me-profiles/compare': () => ({ body: jordanVsEgypt }),
  '/me-profiles/learning': () => ({ body: groupLearning }),
};

/** The first page load imports the page's module: slow on a busy machine. */

describe('the peer learning page', () => {
  it('puts the profiles side by side, case study first, each cell with its source marker and footnote', async () => {
    const fetchMock = mockApi(routes);
    renderApp('/learning?groupType=who_region&group=EMR');

    expect(await screen.findByRole('heading', { level: 1, name: 'Peer learning' }, FIRST_LOAD)).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'M&E system profiles side by side' }, FIRST_LOAD);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Step and answer', 'Jordan case study', 'Egypt']);
    // The table scrolls inside its own named, focusable region on narrow screens.
    const region = screen.getByRole('region', { name: 'M&E system profiles side by side' });
    expect(region.getAttribute('tabindex')).toBe('0');

    const count = within(table).getByRole('row', { name: /Number of M&E indicators/ });
    const [jor, egy] = within(count).getAllByRole('cell');
    expect(jor?.textContent).toBe('22 PPublished[1]');
    expect(egy?.textContent).toBe('31 NNational report, approved');
    const budget = within(table).getByRole('row', { name: /Budget earmarked for M&E/ });
    expect(
      within(budget)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Yes PPublished[1]', '—No answer']);
    const notes = screen.getByRole('list', { name: 'Sources of the table' });
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`[1] ${napSource.title}, ${napSource.locator} — ${napSource.url}`]);
    expect(within(table).getByRole('rowheader', { name: '3. Indicators and data sources' })).toBeTruthy();

    const tracss = screen.getByRole('table', { name: 'Published levels, TrACSS 2025' });
    expect(within(tracss).getByRole('row', { name: /2\.1/ }).textContent).toMatch(/C.*D/);
    const impl = screen.getByRole('table', {
      name: 'Implementation rate by objective, where published or approved',
    });
    expect(within(impl).getByRole('row', { name: /Objective 1/ }).textContent).toContain('47 %');

    const asked = requestedUrls(fetchMock).find((u) => u.pathname === '/api/me-profiles/compare');
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({
      groupType: 'who_region',
      group: 'EMR',
      case: 'JOR',
    });
  });

  it('lists shared challenges with who faces them and who offers a lesson, and filters lessons by objective', async () => {
    mockApi(routes);
    const { user, router } = renderApp('/learning?groupType=who_region&group=EMR');

    const challenges = await screen.findByRole('region', { name: 'Shared challenges' }, FIRST_LOAD);
    const coordination = within(challenges).getByRole('heading', { name: /Multisectoral coordination/ });
    expect(coordination.textContent).toContain('(countries: 2)');
    const item = coordination.closest('li') as HTMLElement;
    expect(item.textContent).toContain('Sectors report at different times');
    expect(item.textContent).toContain('Lessons: 1, from Jordan');
    expect(within(challenges).getByText('Reported by no country of the group: Funding of M&E.')).toBeTruthy();
    expect(within(challenges).getByRole('list', { name: 'Sources of the challenges' }).textContent).toContain(
      evaluationSource.title,
    );

    const lessons = screen.getByRole('region', { name: 'Lessons' });
    const titles = () =>
      within(within(lessons).getByRole('list', { name: 'Lessons' }))
        .getAllByRole('heading')
        .map((h) => h.textContent);
    expect(titles()).toEqual([
      'One reporting calendar for every sector',
      'Stewardship audits in every governorate',
    ]);

    await user.selectOptions(within(lessons).getByLabelText('GAP objective'), '2');
    expect(titles()).toEqual(['One reporting calendar for every sector']);
    expect(within(lessons).getByRole('status').textContent).toBe('Lessons shown: 1 of 2.');
    expect(router.state.location.search).toContain('objective=2');
    const lesson = within(lessons)
      .getByRole('heading', { name: 'One reporting calendar for every sector' })
      .closest('li');
    expect(lesson?.textContent).toContain('Jordan');
    expect(lesson?.textContent).toContain(evaluationSource.title);

    await user.selectOptions(within(lessons).getByLabelText('GAP objective'), '4');
    expect(titles()).toEqual(['Stewardship audits in every governorate']);
  });

  it('reads the lesson filters from the address', async () => {
    mockApi(routes);
    renderApp('/learning?groupType=who_region&group=EMR&sector=terrestrial_animal_health');
    const lessons = await screen.findByRole('region', { name: 'Lessons' }, FIRST_LOAD);
    expect((await within(lessons).findByRole('status')).textContent).toBe('Lessons shown: 1 of 2.');
    expect((within(lessons).getByLabelText('Sector') as HTMLSelectElement).value).toBe(
      'terrestrial_animal_health',
    );
  });
});
