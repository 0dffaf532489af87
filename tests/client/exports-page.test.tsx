import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { allCountries, page } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/*
 * The export filters live in the address (an export can be shared as a link). Typing in them must
 * still work as in any form: a year typed one digit at a time, and a choice that shows at once.
 */
function exportsPage() {
  mockApi({
    '/auth/me': () => ({
      status: 401,
      body: { error: 'Unauthorized', message: 'not signed in', statusCode: 401 },
    }),
    '/countries': () => ({ body: page(allCountries) }),
    '/frameworks': () => ({ body: { items: [] } }),
  });
  return renderApp('/exports');
}

const csvHref = () =>
  (screen.getByRole('link', { name: 'CSV' }) as HTMLAnchorElement).getAttribute('href') ?? '';

describe('the exports page', () => {
  it('takes a year typed one digit at a time and puts it in the download links', async () => {
    const { user, router } = exportsPage();
    const from = (await screen.findByLabelText('From year', {}, FIRST_LOAD)) as HTMLInputElement;
    await user.type(from, '2019');
    expect(from.value).toBe('2019');
    expect(csvHref()).toContain('from=2019');
    expect(router.state.location.search).toContain('from=2019');
    // A year being corrected keeps what is typed, and leaves the links without a year until it is one.
    await user.clear(from);
    await user.type(from, '20');
    expect(from.value).toBe('20');
    expect(csvHref()).not.toContain('from=');
    // A link opened from elsewhere shows its year.
    await act(() => router.navigate('/exports?from=2015'));
    expect(from.value).toBe('2015');
    expect(csvHref()).toContain('from=2015');
  });

  it('ticks the chosen set of values at once', async () => {
    const { user } = exportsPage();
    const group = await screen.findByRole('group', { name: 'Values' }, FIRST_LOAD);
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    await user.click(radios[1] as HTMLInputElement);
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    expect(csvHref()).toContain('status=all');
  });
});
