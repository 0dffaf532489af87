import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeSectionView } from '../../shared';
import { buildJordanProfile, buildMeUser, napSource, sectionView } from './support/me-fixtures';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

const nobody = { status: 204, body: null };
const noNotices = { body: { items: [], unread: 0 } };
const PROFILE = '/countries/JOR/me-profile';

/** The first page load imports the page's module: slow on a busy machine. */
const section = (name: string) => screen.findByRole('region', { name }, FIRST_LOAD);

/** The message an input points at with aria-describedby. */
function describedText(el: HTMLElement): string {
  const id = el.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

describe('the M&E system profile page', () => {
  it('shows the published content of each section with its source, its footnotes and the plan’s indicators', async () => {
    mockApi({ '/auth/me': () => nobody, [PROFILE]: () => ({ body: buildJordanProfile() }) });
    renderApp('/countries/JOR/me-profile');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Jordan: M&E system profile' }, FIRST_LOAD),
    ).toBeTruthy();
    const audience = await section('1. M&E audience');
    expect(within(audience).getByText('Published')).toBeTruthy();
    const values = within(audience)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(values).toEqual(expect.arrayContaining(['Ministry of health', 'Multisectoral committee']));
    // [1] after the answer links to the numbered footnote: title, where in it, address.
    const cite = within(audience).getByRole('link', { name: 'Source 1' });
    const note = document.getElementById((cite.getAttribute('href') ?? '').slice(1)) as HTMLElement;
    expect(note.textContent).toBe(`[1] ${napSource.title}, ${napSource.locator} — ${napSource.url}`);
    expect(within(note).getByRole('link', { name: napSource.url }).getAttribute('href')).toBe(napSource.url);

    const indicators = await section('3. Indicators and data sources');
    expect(within(indicators).getByText('22')).toBeTruthy();
    expect(within(indicators).getByText('No')).toBeTruthy(); // baselines_set: false
    const linked = within(indicators).getByRole('table', { name: 'Indicators of Jordan NAP 2018–2022' });
    expect(within(linked).getByRole('row', { name: /2\.1\.1/ }).textContent).toContain('Human health');
    expect(within(await section('7. Resources for M&E')).getByText('$7,594,700')).toBeTruthy();

    // Nothing public on step 4 (only a draft, which the public does not get), no edit for the public.
    expect(
      within(await section('4. Roles, responsibilities and governance')).getByText('Nothing public yet'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Submit/ })).toBeNull();
  });

  it('names a negative count next to its field and sends nothing', async () => {
    const writes: string[] = [];
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('focal_point') }),
      '/notifications': () => noNotices,
      [PROFILE]: () => ({ body: buildJordanProfile({ edit: true, validate: false }) }),
      '/countries/JOR/me-profile/indicators': (_url, init) => {
        writes.push(String(init?.method));
        return { status: 500, body: null };
      },
    });
    const { user } = renderApp('/countries/JOR/me-profile');
    await user.click(
      await screen.findByRole('button', { name: 'Edit “3. Indicators and data sources”' }, FIRST_LOAD),
    );
    const form = screen.getByRole('form', { name: 'Edit “3. Indicators and data sources”' });
    const count = within(form).getByLabelText('Number of M&E indicators');
    expect((count as HTMLInputElement).value).toBe('22'); // prefilled from the published content
    expect(count.getAttribute('aria-invalid')).toBeNull();
    await user.clear(count);
    await user.type(count, '-3');
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(count.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(count)).toBe('Enter a whole number from 0 to 100,000.');
    expect(within(form).getByRole('alert').textContent).toContain('Some answers need a change (1)');
    expect(writes).toEqual([]);
  });

  it('saves a draft with the content, its sources and the version read; shows the server’s refusals at their fields', async () => {
    const bodies: unknown[] = [];
    let answer: 'bad' | 'conflict' | 'ok' = 'bad';
    const profile = buildJordanProfile({ edit: true, validate: false });
    const saved: MeSectionView = {
      ...sectionView(profile, 'audience'),
      version: 2,
      draft: {
        content: { fields: {}, text: 'Being revised', textSources: [], sources: [] },
        state: 'draft',
        reason: null,
        updated: { by: { id: 40, name: 'A focal point' }, at: '2026-12-01T10:00:00.000Z' },
        submitted: null,
      },
    };
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('focal_point') }),
      '/notifications': () => noNotices,
      [PROFILE]: () => ({ body: profile }),
      '/countries/JOR/me-profile/audience': (_url, init) => {
        bodies.push({ method: init?.method, ...JSON.parse(String(init?.body)) });
        if (answer === 'bad')
          return {
            status: 400,
            body: {
              error: 'Bad Request',
              message: 'content.fields.primary_user.value: is too long',
              statusCode: 400,
              requestId: 'r1',
              issues: [{ path: 'content.fields.primary_user.value', message: 'is too long' }],
            },
          };
        if (answer === 'conflict')
          return {
            status: 409,
            body: { error: 'Conflict', message: 'changed', statusCode: 409, requestId: 'r2', current: saved },
          };
        return { body: saved };
      },
    });
    const { user } = renderApp('/countries/JOR/me-profile');
    await user.click(await screen.findByRole('button', { name: 'Edit “1. M&E audience”' }, FIRST_LOAD));
    const form = screen.getByRole('form', { name: 'Edit “1. M&E audience”' });
    await user.click(within(form).getByRole('checkbox', { name: 'The public' }));
    await user.type(within(form).getByLabelText('Main user of the findings'), 'Ministry of Health');
    await user.click(within(form).getByRole('button', { name: 'Add a source' }));
    const second = within(form).getByRole('group', { name: 'Source [2]' });
    await user.type(within(second).getByLabelText('Title'), 'M&E workshop report');
    const cites = within(form).getByRole('group', { name: 'Sources for “Main user of the findings”' });
    await user.click(within(cites).getByRole('checkbox', { name: '[2] M&E workshop report' }));
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      method: 'PUT',
      version: 1,
      content: {
        fields: {
          audiences: { value: ['ministry_health', 'multisectoral_committee', 'public'], sources: [1] },
          primary_user: { value: 'Ministry of Health', sources: [2] },
        },
        text: null,
        textSources: [],
        sources: [napSource, { title: 'M&E workshop report', locator: null, url: null }],
      },
    });
    // The server's 400 names the field: the message sits next to it.
    const primary = within(form).getByLabelText('Main user of the findings');
    await waitFor(() => expect(primary.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(primary)).toBe('is too long');

    answer = 'conflict';
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect((await within(form).findByText(/Someone else changed “1. M&E audience”/)).textContent).toMatch(
      /Reload their version/,
    );
    expect(within(form).getByRole('button', { name: 'Reload their version' })).toBeTruthy();

    answer = 'ok';
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/Draft of “1. M&E audience” saved/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit “1. M&E audience”' })).toBeNull();
    expect(within(await section('1. M&E audience')).getByText('Draft')).toBeTruthy();
  });

  it('asks before submitting a section, saying what happens, and sends the version', async () => {
    const posted: unknown[] = [];
    const base = buildJordanProfile({ edit: true, validate: false });
    const draft: MeSectionView['draft'] = {
      content: { fields: {}, text: 'Reported to the committee every year.', textSources: [], sources: [] },
      state: 'draft',
      reason: null,
      updated: { by: { id: 40, name: 'A focal point' }, at: '2026-12-01T10:00:00.000Z' },
      submitted: null,
    };
    const profile = buildJordanProfile({ edit: true, validate: false }, { timelines: { version: 4, draft } });
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('focal_point') }),
      '/notifications': () => noNotices,
      [PROFILE]: () => ({ body: profile }),
      '/countries/JOR/me-profile/timelines/submit': (_url, init) => {
        posted.push(JSON.parse(String(init?.body)));
        return {
          body: {
            ...sectionView(base, 'timelines'),
            version: 5,
            draft: { ...draft, state: 'submitted', submitted: draft.updated },
          },
        };
      },
    });
    const { user } = renderApp('/countries/JOR/me-profile');
    const name = 'Submit “5. Data collection, analysis and reporting timelines”';
    await user.click(await screen.findByRole('button', { name }, FIRST_LOAD));
    const dialog = screen.getByRole('alertdialog', {
      name: 'Submit “5. Data collection, analysis and reporting timelines” of Jordan’s profile to the validator?',
    });
    expect(dialog.textContent).toContain('The validator will approve it or return it with a reason.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toEqual([]);

    await user.click(screen.getByRole('button', { name }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Submit to the validator' }),
    );
    await waitFor(() => expect(posted).toEqual([{ version: 4 }]));
    const timelines = await section('5. Data collection, analysis and reporting timelines');
    expect(await within(timelines).findByText('Submitted, waiting for validation')).toBeTruthy();
    // Submitted: with the validator, neither editable nor submittable again.
    expect(within(timelines).queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(within(timelines).queryByRole('button', { name })).toBeNull();
  });

  it('offers the validator approve and return; returning needs its own reason', async () => {
    const posted: unknown[] = [];
    const profile = buildJordanProfile({ edit: false, validate: true });
    const governance = sectionView(profile, 'governance');
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('validator') }),
      '/notifications': () => noNotices,
      [PROFILE]: () => ({ body: profile }),
      '/countries/JOR/me-profile/governance/return': (_url, init) => {
        const body = JSON.parse(String(init?.body));
        posted.push(body);
        return {
          body: {
            ...governance,
            version: 6,
            draft: { ...governance.draft, state: 'returned', reason: body.reason },
          },
        };
      },
      '/countries/JOR/me-profile/history': () => ({
        body: {
          items: [
            {
              id: 3,
              action: 'me_section.submit',
              at: '2026-11-20T10:05:00.000Z',
              user: { id: 40, name: 'A focal point' },
              old: null,
              new: { section: 'governance', state: 'submitted' },
            },
          ],
        },
      }),
    });
    const { user } = renderApp('/countries/JOR/me-profile');
    const region = await section('4. Roles, responsibilities and governance');
    expect(within(region).getByText('Submitted, waiting for validation')).toBeTruthy();
    // The validator reads the draft before deciding.
    expect(within(region).getByText('National AMR committee')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(
      within(region).getByRole('button', { name: 'Approve “4. Roles, responsibilities and governance”' }),
    ).toBeTruthy();

    await user.click(
      within(region).getByRole('button', { name: 'Return “4. Roles, responsibilities and governance”' }),
    );
    const dialog = screen.getByRole('alertdialog', {
      name: 'Return “4. Roles, responsibilities and governance” of Jordan’s profile to the focal points?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Return with this reason' }));
    expect(within(dialog).getByText('Write the reason first')).toBeTruthy();
    expect(posted).toEqual([]);
    await user.type(within(dialog).getByLabelText(/Why it goes back/), 'Name the committee’s secretariat');
    await user.click(within(dialog).getByRole('button', { name: 'Return with this reason' }));
    await waitFor(() => expect(posted).toEqual([{ version: 5, reason: 'Name the committee’s secretariat' }]));
    expect(await within(region).findByText('Returned to the focal points')).toBeTruthy();
    expect(within(region).getByText('Reason: Name the committee’s secretariat')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'History of the M&E profile of Jordan' }));
    const list = await screen.findByRole('list', { name: 'the M&E profile of Jordan' });
    expect(list.textContent).toMatch(/A focal point submitted “4. Roles, responsibilities and governance”/);
  });
  it('edits challenges and lessons: ticks from the shared vocabulary, adds and removes rows', async () => {
    const bodies: unknown[] = [];
    const profile = buildJordanProfile({ edit: true, validate: false });
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('focal_point') }),
      '/notifications': () => noNotices,
      [PROFILE]: () => ({ body: profile }),
      '/countries/JOR/me-profile/learning': (_url, init) => {
        const body = JSON.parse(String(init?.body));
        bodies.push(body);
        return { body: { ...sectionView(profile, 'learning'), version: 1 } };
      },
    });
    const { user } = renderApp('/countries/JOR/me-profile');
    await user.click(
      await screen.findByRole('button', { name: 'Edit “Challenges and lessons”' }, FIRST_LOAD),
    );
    const form = screen.getByRole('form', { name: 'Edit “Challenges and lessons”' });
    await user.click(within(form).getByRole('checkbox', { name: 'Multisectoral coordination' }));
    await user.type(
      within(form).getByLabelText('How “Multisectoral coordination” shows'),
      'Sectors report late',
    );
    const objectives = within(form).getByRole('group', {
      name: 'GAP objectives of “Multisectoral coordination”',
    });
    await user.click(within(objectives).getByRole('checkbox', { name: /^2\./ }));

    await user.click(within(form).getByRole('button', { name: 'Add a lesson' }));
    await user.click(within(form).getByRole('button', { name: 'Add a lesson' }));
    const first = within(form).getByRole('group', { name: 'Lesson 1' });
    await user.type(within(first).getByLabelText('Lesson'), 'To be removed');
    const second = within(form).getByRole('group', { name: 'Lesson 2' });
    await user.type(within(second).getByLabelText('Lesson'), 'One reporting calendar');
    await user.selectOptions(
      within(second).getByLabelText('Challenge it answers'),
      'multisectoral_coordination',
    );
    await user.type(within(second).getByLabelText('What worked'), 'The committee set it.');
    await user.click(within(first).getByRole('button', { name: 'Remove lesson 1' }));
    // The remaining row keeps what was typed in it, now first.
    expect(
      (
        within(within(form).getByRole('group', { name: 'Lesson 1' })).getByLabelText(
          'Lesson',
        ) as HTMLInputElement
      ).value,
    ).toBe('One reporting calendar');
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      version: 0,
      content: {
        challenges: [
          {
            code: 'multisectoral_coordination',
            note: 'Sectors report late',
            objectives: [2],
            sectors: [],
            sources: [],
          },
        ],
        lessons: [
          {
            challenge: 'multisectoral_coordination',
            title: 'One reporting calendar',
            text: 'The committee set it.',
            objectives: [],
            sectors: [],
            sources: [],
          },
        ],
        sources: [],
      },
    });
  });
});
