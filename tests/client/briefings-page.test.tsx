import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BRIEFING_TOPICS } from '../../shared/constants/me-profile';
import { allCountries, page } from './support/fixtures';
import { buildMeUser, buildSession } from './support/me-fixtures';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

const facilitator = buildMeUser('facilitator');
const base = {
  '/auth/me': () => ({ body: facilitator }),
  '/notifications': () => ({ body: { items: [], unread: 0 } }),
  '/countries': () => ({ body: page(allCountries) }),
};

/** The first page load imports the page's module: slow on a busy machine. */

describe('briefing sessions', () => {
  it('are in the navigation of facilitators only', async () => {
    mockApi({ ...base, '/briefing-sessions': () => ({ body: { items: [buildSession()] } }) });
    renderApp('/briefings');
    const account = await screen.findByRole('navigation', { name: 'Account' }, FIRST_LOAD);
    expect(await within(account).findByRole('link', { name: 'Briefings' }, FIRST_LOAD)).toBeTruthy();
    const row = await screen.findByRole('row', { name: /Governments Cluster: M&E of NAPs/ }, FIRST_LOAD);
    expect(row.textContent).toContain('Eastern Mediterranean Region');
  });

  it('are refused to a focal point, who has no link to them', async () => {
    mockApi({ ...base, '/auth/me': () => ({ body: buildMeUser('focal_point') }) });
    renderApp('/briefings');
    expect((await screen.findByRole('alert', {}, FIRST_LOAD)).textContent).toContain(
      'Cluster facilitators only',
    );
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(within(account).queryByRole('link', { name: 'Briefings' })).toBeNull();
  });

  it('creates a session: names a missing title first, then posts the form as the API takes it', async () => {
    const posted: unknown[] = [];
    mockApi({
      ...base,
      '/briefing-sessions': (_url, init) => {
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          posted.push(body);
          return { status: 201, body: buildSession({ ...body, id: 13 }) };
        }
        return { body: { items: [] } };
      },
    });
    const { user, router } = renderApp('/briefings');
    await user.click(await screen.findByRole('link', { name: 'New session' }, FIRST_LOAD));
    const form = await screen.findByRole('form', { name: 'New session' }, FIRST_LOAD);
    // Jordan is the case study unless changed; every topic is ticked to start with.
    expect((within(form).getByLabelText('Case study') as HTMLSelectElement).value).toBe('JOR');
    await user.click(within(form).getByRole('button', { name: 'Create the session' }));
    const title = within(form).getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Give the session a title.',
    );
    expect(posted).toEqual([]);

    await user.type(title, 'Peer session on M&E plans');
    await user.type(within(form).getByLabelText('Date'), '2027-03-04');
    await user.selectOptions(within(form).getByLabelText('Compare with'), 'income_group');
    await user.click(within(form).getByRole('checkbox', { name: 'TrACSS levels on M&E questions' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Implementation by objective' }));
    await user.type(within(form).getByLabelText('Agenda'), 'Budgets for M&E');
    await user.selectOptions(within(form).getByLabelText('Language of the pack'), 'fr');
    await user.click(within(form).getByRole('button', { name: 'Create the session' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: 'Peer session on M&E plans',
      date: '2027-03-04',
      groupType: 'income_group',
      group: 'LMC',
      caseStudy: 'JOR',
      topics: BRIEFING_TOPICS.filter((t) => t !== 'tracss' && t !== 'implementation'),
      agenda: 'Budgets for M&E',
      lang: 'fr',
      startedFrom: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/briefings/13'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Peer session on M&E plans' })).toBeTruthy();
  });

  it('makes a pack on request and lists it with its download link', async () => {
    const asked: string[] = [];
    mockApi({
      ...base,
      '/briefing-sessions/12': () => ({ body: buildSession() }),
      '/briefing-sessions/12/packs': (url, init) => {
        asked.push(`${init?.method} ${url.search}`);
        return {
          status: 201,
          body: {
            id: 3,
            format: 'xlsx',
            lang: 'en',
            bytes: 48_300,
            sha256: 'a'.repeat(64),
            createdAt: '2026-12-02T08:30:00.000Z',
            createdBy: { id: 41, name: 'A facilitator' },
          },
        };
      },
    });
    const { user } = renderApp('/briefings/12');
    const packs = await screen.findByRole('region', { name: 'Briefing packs' }, FIRST_LOAD);
    expect(within(packs).getByText('No pack made yet.')).toBeTruthy();
    // The record: agenda, countries resolved, topics.
    expect(screen.getByText('Jordan’s M&E system', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Egypt' }).getAttribute('href')).toBe(
      '/countries/EGY/me-profile',
    );
    expect(screen.getByText('3. Indicators and data sources')).toBeTruthy();

    await user.click(within(packs).getByRole('button', { name: 'Make XLSX pack' }));
    const link = await within(packs).findByRole('link', { name: 'Download the XLSX pack (English)' });
    expect(asked).toEqual(['POST ?format=xlsx']);
    expect(link.getAttribute('href')).toBe('/api/briefing-sessions/12/packs/3');
    expect(link.closest('li')?.textContent).toContain('47 kB');
    expect(link.closest('li')?.textContent).toContain('by A facilitator');
  });

  it('starts the next session from this one: same group, topics and agenda, pointing back at it', async () => {
    const posted: Record<string, unknown>[] = [];
    mockApi({
      ...base,
      '/briefing-sessions/12': () => ({ body: buildSession() }),
      '/briefing-sessions': (_url, init) => {
        const body = JSON.parse(String(init?.body));
        posted.push(body);
        return { status: 201, body: buildSession({ ...body, id: 14 }) };
      },
    });
    const { user } = renderApp('/briefings/12');
    await user.click(
      await screen.findByRole('link', { name: 'Start the next session from this one' }, FIRST_LOAD),
    );
    const form = await screen.findByRole('form', { name: 'New session' }, FIRST_LOAD);
    expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('Agenda') as HTMLTextAreaElement).value).toBe(
      '1. Jordan’s M&E system\n2. Shared challenges',
    );
    expect(within(form).getByText('Continues session 12.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Title'), 'Follow-up');
    await user.click(within(form).getByRole('button', { name: 'Create the session' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      title: 'Follow-up',
      groupType: 'who_region',
      group: 'EMR',
      topics: ['case_study', 'indicators', 'learning'],
      agenda: '1. Jordan’s M&E system\n2. Shared challenges',
      startedFrom: 12,
    });
  });
});
