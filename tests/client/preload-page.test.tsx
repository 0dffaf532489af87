import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../client/app/query-client';
import { preparePage } from '../../client/app/routes';
import { en } from '../../client/i18n/locales/en';
import { distributionChartHeight } from '../../shared/charts/distribution-chart';
import { allCountries, errorEnvelope, jordan, jordanCompare, jordanValues, page } from './support/fixtures';
import { buildMeUser } from './support/me-fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/** What client/main.tsx does before the first render: the page's code and first answers, then render. */
async function prepared(path: string) {
  const [pathname = '', search = ''] = path.split('?');
  const queryClient = createQueryClient({ retry: false });
  const { code, data } = preparePage(queryClient, pathname, new URLSearchParams(search));
  await Promise.all([code, data]);
  return queryClient;
}

const jordanApi = (overrides: Parameters<typeof mockApi>[0] = {}) =>
  mockApi({
    '/auth/me': () => ({ body: buildMeUser('focal_point', { displayName: 'Focal point, Jordan' }) }),
    '/countries/JOR': () => ({ body: jordan }),
    '/values': () => ({ body: page(jordanValues) }),
    '/compare': () => ({ body: jordanCompare }),
    '/rounds': () => ({ status: 500, body: errorEnvelope(500, 'Rounds failed') }),
    '/countries/JOR/national-reports': () => ({ body: { framework: 'tracss-2019-2020', items: [] } }),
    '/countries/JOR/trend': () => ({ status: 500, body: errorEnvelope(500, 'Trend failed') }),
    '/frameworks/tracss-2019-2020/indicators': () => ({ body: { items: [] } }),
    ...overrides,
  });

/**
 * The chart's code is asked for with the page's, not waited for: in the first render the chart is drawn
 * if its code is in already, else its place is held (a frame, "Loading the chart …"); nothing else loads.
 */
function expectOnlyTheChartLoading(): { height: string } | null {
  const loading = screen.queryAllByRole('status');
  expect(loading.length).toBeLessThanOrEqual(1);
  const [chartLoading] = loading;
  if (!chartLoading) return null;
  expect(chartLoading.textContent).toBe(en['common.loadingChart']);
  const frame = chartLoading.parentElement as HTMLElement;
  expect(frame.className).toBe('chart-frame');
  return { height: frame.style.height };
}

/** The frame of the drawn chart (HorizontalBarChart's, or the comparison chart's). */
const frameOf = (testId: string) => screen.getByTestId(testId).closest('.chart-frame') as HTMLElement;

// client/main.tsx waits for the page's code and first answers before the first render (client/early.ts has
// asked for both): the first render is then the page, whole, not the layout with a loading state, the
// page's loading states and a render per answer after.
describe('preparePage: the code and first answers of the page at an address, before the first render', () => {
  it('renders the page in the first render once its code is preloaded', async () => {
    mockApi({ '/countries': () => ({ body: { items: allCountries } }) });
    const queryClient = await prepared('/countries');
    renderApp('/countries', undefined, { queryClient });
    // Synchronously after the first render: the page's heading, not the layout's loading state.
    expect(screen.getByRole('heading', { level: 1, name: en['countries.title'] })).toBeTruthy();
    expect(screen.queryByText(en['common.loading'])).toBeNull();
  });

  it("renders the country page and the header's user in the first render, its chart once Chart.js is in", async () => {
    const fetchMock = jordanApi();
    const queryClient = await prepared('/countries/JOR');
    renderApp('/countries/JOR', undefined, { queryClient });
    // Synchronously after the first render: who is signed in, the country, and the chart's place; no
    // loading state but the chart's own while Chart.js is on its way (the first render does not wait for it).
    expect(screen.getByRole('link', { name: 'Focal point, Jordan' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Jordan' })).toBeTruthy();
    expectOnlyTheChartLoading();
    expect(await screen.findByTestId('compare-chart')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    // Each answer asked for once: the first render took them from the cache.
    const asked = requestedUrls(fetchMock).map((u) => u.pathname);
    for (const p of ['/api/auth/me', '/api/countries/JOR', '/api/values', '/api/compare'])
      expect(asked.filter((a) => a === p)).toHaveLength(1);
  });

  it("renders the plan page in the first render: the heading and the plan, no loading state but the charts' places", async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/countries/JOR': () => ({ body: jordan }),
      '/countries/JOR/plans': () => ({ body: { items: [buildPlan()] } }),
    });
    const queryClient = await prepared('/countries/JOR/plan');
    renderApp('/countries/JOR/plan', undefined, { queryClient });
    // Synchronously after the first render: the country's heading and its plan, not "Loading the plan …"
    // (which the plan then replaced, pushing the footer out of the screen).
    expect(screen.getByRole('heading', { level: 1, name: /^Jordan: national action plan/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /Synthetic NAP 2018–2022/ })).toBeTruthy();
    expect(screen.queryByText(en['plan.loading'])).toBeNull();
    const loading = screen.queryAllByRole('status').map((s) => s.textContent);
    expect(loading.filter((l) => l !== en['common.loadingChart'])).toEqual([]);
    expect(await screen.findByRole('img', { name: /Implementation rate by objective/ })).toBeTruthy();
    const asked = requestedUrls(fetchMock).map((u) => u.pathname);
    for (const p of ['/api/countries/JOR', '/api/countries/JOR/plans'])
      expect(asked.filter((a) => a === p)).toHaveLength(1);
  });

  it("with another round in the address, asks for the country and the rounds, not the default round's answers", async () => {
    const fetchMock = jordanApi();
    await prepared('/countries/JOR?round=tracss-2025');
    const asked = requestedUrls(fetchMock).map((u) => u.pathname);
    expect(asked).toContain('/api/countries/JOR');
    expect(asked).toContain('/api/rounds');
    expect(asked).not.toContain('/api/values');
    expect(asked).not.toContain('/api/compare');
  });

  it('a failed answer does not stop the first render: the page shows that part failed, with its retry', async () => {
    jordanApi({ '/compare': () => ({ status: 500, body: errorEnvelope(500, 'Comparison failed') }) });
    const queryClient = await prepared('/countries/JOR');
    renderApp('/countries/JOR', undefined, { queryClient });
    expect(screen.getByRole('heading', { level: 1, name: 'Jordan' })).toBeTruthy();
    expect(await screen.findByText(en['cmp.loadError'])).toBeTruthy();
    expect(screen.getByRole('button', { name: en['common.tryAgain'] })).toBeTruthy();
    expect(screen.queryByTestId('compare-chart')).toBeNull();
  });

  it('renders the comparison in the first render, for the group in the address, its chart once Chart.js is in', async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/countries': () => ({ body: { items: allCountries } }),
      '/compare': () => ({ body: jordanCompare }),
    });
    const queryClient = await prepared('/compare?country=JOR&groupType=who_region&group=EMR');
    renderApp('/compare?country=JOR&groupType=who_region&group=EMR', undefined, { queryClient });
    expect(screen.getByRole('heading', { level: 1, name: en['compare.h1'] })).toBeTruthy();
    const placeholder = expectOnlyTheChartLoading();
    expect(await screen.findByTestId('distribution-chart')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    // The place held was the chart's height: nothing below it moved when it was drawn.
    expect(frameOf('distribution-chart').style.height).toBe(
      `${distributionChartHeight(jordanCompare.rows.length)}px`,
    );
    if (placeholder) expect(placeholder.height).toBe(frameOf('distribution-chart').style.height);
    const compare = requestedUrls(fetchMock).filter((u) => u.pathname === '/api/compare');
    expect(compare).toHaveLength(1);
    expect(compare[0]?.searchParams.get('group')).toBe('EMR');
  });

  it("fills the cache under the keys the due page's and the entry grid's hooks read", async () => {
    mockApi({
      '/auth/me': () => ({ body: buildMeUser('focal_point') }),
      '/due': () => ({ body: { items: [], completeness: [] } }),
      '/notifications': () => ({ body: { items: [], unread: 0 } }),
      '/periods/7/entry': () => ({ body: { from: 'the grid' } }),
    });
    const due = await prepared('/due');
    expect(due.getQueryState(['due'])?.status).toBe('success');
    expect(due.getQueryData(['notifications'])).toEqual({ items: [], unread: 0 });
    // The grid's answer is checked with its schema: this one is not a grid, and is kept as the error.
    // Signed out: the page asks to sign in, and nothing is asked for it.
    const fetchMock = mockApi({ '/auth/me': () => ({ status: 204, body: null }) });
    const signedOut = await prepared('/due');
    expect(signedOut.getQueryState(['due'])).toBeUndefined();
    expect(requestedUrls(fetchMock).map((u) => u.pathname)).toEqual(['/api/auth/me']);
    mockApi({ '/periods/7/entry': () => ({ body: { from: 'the grid' } }) });
    const grid = await prepared('/periods/7');
    expect(grid.getQueryState(['periods', 7, 'entry'])?.status).toBe('error');
    expect((await prepared('/periods/x')).getQueryState(['periods', Number.NaN, 'entry'])).toBeUndefined();
  });

  it('without it, the layout shows a loading state until the code is in', async () => {
    mockApi({ '/countries': () => ({ body: { items: allCountries } }) });
    renderApp('/groups');
    expect(screen.getByText(en['common.loading'])).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('resolves for an address with no page to load (home, not found)', async () => {
    mockApi({});
    const queryClient = createQueryClient({ retry: false });
    for (const path of ['/', '/no/such/page']) {
      const { code, data } = preparePage(queryClient, path, new URLSearchParams());
      await expect(code).resolves.toBeUndefined();
      await expect(data).resolves.toBeUndefined();
    }
  });
});
