import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  allCountries,
  buildValue,
  i41,
  indicators,
  jordan,
  jordanCompare,
  jordanValues,
  page,
} from './support/fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

describe('Home page and navigation', () => {
  it('says what the tool is, counts respondents and reaches Jordan in one click', async () => {
    mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/countries/JOR': () => ({ body: jordan }),
      '/values': (url) =>
        url.searchParams.get('country') === 'JOR'
          ? { body: page(jordanValues) }
          : { body: page([buildValue('JOR', i41, 'B'), buildValue('EGY', i41, 'C')]) },
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () => ({ body: jordanCompare }),
    });
    const { user, router } = renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'NAP Tracker' })).toBeTruthy();
    expect(await screen.findByText('4')).toBeTruthy();
    expect(await screen.findByText('2')).toBeTruthy();

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeTruthy();
    expect(screen.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/api/docs');

    await user.click(screen.getByRole('link', { name: /Case study: Jordan/ }));
    // The country page's code loads on its first visit (client/app/routes.tsx), then its heading shows.
    await waitFor(() => expect(router.state.location.pathname).toBe('/countries/JOR'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Jordan' })).toBeTruthy();
  });

  it('shows a not-found page for unknown paths', async () => {
    mockApi({});
    renderApp('/nowhere');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
