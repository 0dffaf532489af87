import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { earlyRequests } from '../../client/app/early-urls';
import { apiGet, apiSend, noContent } from '../../client/lib/api-client';
import { startEarly } from '../../client/lib/early-requests';
import { allCountries, indicators, jordan, jordanCompare, jordanValues, page } from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

const asked = (fetchMock: ReturnType<typeof mockApi>) =>
  new Set(requestedUrls(fetchMock).map((u) => `${u.pathname}${u.search}`));
const early = (address: string) => {
  const u = new URL(address, 'http://localhost');
  return earlyRequests(u.pathname, u.searchParams);
};

// client/early.ts asks for these before the app runs; an address the page never asks for would be
// fetched for nothing (and the page's own request would go out after its code, as before).
describe('early requests are the URLs the page asks for', () => {
  it('country page: what the comparison chart and the header above it need, in that order', async () => {
    const fetchMock = mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/rounds': () => ({ body: { items: [] } }),
      '/countries/JOR/national-reports': () => ({ body: { framework: 'tracss-2019-2020', items: [] } }),
      '/countries/JOR/trend': () => ({ body: { iso3: 'JOR', rounds: [], items: [] } }),
      '/values': () => ({ body: page(jordanValues) }),
      '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: indicators } }),
      '/compare': () => ({ body: jordanCompare }),
    });
    renderApp('/countries/JOR');
    await screen.findByRole('table', { name: 'TrACSS 2019–2020 profile' }, { timeout: 10_000 });
    await screen.findByTestId('compare-chart', undefined, { timeout: 10_000 });
    const urls = early('/countries/JOR');
    expect(urls.filter((u) => !asked(fetchMock).has(u))).toEqual([]);
    // What the comparison chart needs comes first, then the rounds (the round picker). The profile's
    // questions and reports and the trend, below the chart, are asked for once it has been drawn.
    expect(urls.map((u) => u.split('?')[0])).toEqual([
      '/api/countries/JOR',
      '/api/values',
      '/api/compare',
      '/api/rounds',
    ]);
    // With another round named, only what does not depend on it.
    expect(early('/countries/JOR?round=tracss-2025')).toEqual(['/api/countries/JOR', '/api/rounds']);
  });

  it('compare page: the countries and the comparison, with the pinned case study', async () => {
    const fetchMock = mockApi({
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare': () => ({ body: jordanCompare }),
    });
    const address = '/compare?country=JOR&groupType=income_group&group=UMC&case=EGY&source=national';
    renderApp(address);
    await screen.findByTestId('distribution-chart', undefined, { timeout: 10_000 });
    const urls = early(address);
    expect(urls).toHaveLength(3);
    expect(urls.filter((u) => !asked(fetchMock).has(u))).toEqual([]);
  });

  it('plan page: the country and its plans', async () => {
    const fetchMock = mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
    });
    renderApp('/countries/JOR/plan');
    await screen.findByRole('heading', { level: 2, name: /Synthetic NAP 2018–2022/ }, { timeout: 10_000 });
    const urls = early('/countries/JOR/plan');
    expect(urls).toEqual(['/api/countries/JOR', '/api/countries/JOR/plans']);
    expect(urls.filter((u) => !asked(fetchMock).has(u))).toEqual([]);
  });

  it('due list and entry grid: their one answer each; other pages none', () => {
    expect(early('/due')).toEqual(['/api/due', '/api/notifications']);
    expect(early('/periods/12')).toEqual(['/api/periods/12/entry']);
    expect(early('/')).toEqual([]);
    expect(early('/countries/JOR/me-profile')).toEqual([]);
  });
});

describe('the api client takes an early answer', () => {
  it('once, instead of asking again', async () => {
    const fetchMock = mockApi({ '/rounds': () => ({ body: { items: [] } }) });
    startEarly('/api/rounds', {});
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const schema = () => import('../../shared/api/rounds').then((m) => m.RoundListSchema);
    expect(await apiGet('/rounds', schema)).toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Taken: the next read asks the server.
    await apiGet('/rounds', schema);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('not when it was refused: a 401 before signing in is asked again', async () => {
    let n = 0;
    const fetchMock = mockApi({
      '/due': () =>
        n++ === 0
          ? {
              status: 401,
              body: { error: 'Unauthorized', message: 'Sign in', statusCode: 401, requestId: 'r' },
            }
          : { body: { items: [] } },
    });
    startEarly('/api/due', {});
    const answer = await apiGet('/due', z.object({ items: z.array(z.unknown()) }));
    expect(answer).toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
  it('not after a write: signing in (or any write) drops the answers asked for before it', async () => {
    let who = 'nobody';
    const fetchMock = mockApi({
      '/due': () => ({ body: { items: [who] } }),
      '/auth/sign-in': () => {
        who = 'focal point';
        return { status: 204, body: null };
      },
    });
    startEarly('/api/due', {});
    await apiSend('POST', '/auth/sign-in', noContent, {});
    const answer = await apiGet('/due', z.object({ items: z.array(z.string()) }));
    expect(answer).toEqual({ items: ['focal point'] });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
