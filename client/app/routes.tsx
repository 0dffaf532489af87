import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactElement } from 'react';
import { matchRoutes, type Params, type RouteObject, useRoutes } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { meQueryOptions } from '../features/auth/api/get-me';
import { dueQueryOptions, notificationsQueryOptions } from '../features/submissions/api/get-due';
import { entryGridQueryOptions } from '../features/submissions/api/get-entry-grid';
import { HomePage } from '../routes/home';
import { NotFoundPage } from '../routes/not-found';
import { Layout } from './layout';
import { RouteErrorBoundary } from './route-error';

/**
 * A page whose code loads on its first visit (its own chunk): the layout shows with a loading state
 * meanwhile, and a failed load reaches the error boundary (client/app/route-error.tsx). onDemand, not
 * React.lazy, for the reason its own description gives (Suspense holds a reveal back 300 ms).
 */
function page<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): ReactElement {
  const Page = onDemand<object>(() => load().then((m) => ({ default: m[name] })));
  return <Page fallback={<LoadingState />} />;
}

/**
 * The route table, shared by the browser router and the tests' memory router. Declarative routes
 * (useRoutes), not React Router's data router: no page loads data through the router, and the data
 * router was ~50 kB more code for every first visit to run (docs/benchmarks.md, 6 December).
 */
const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    // Every page's header shows who is signed in.
    handle: { prefetch: (queryClient) => queryClient.prefetchQuery(meQueryOptions()) } satisfies PageHandle,
    children: [
      { index: true, element: <HomePage /> },
      // Every page but home loads on first visit: the first page's bundle stays small
      // (docs/decisions/lazy-response-schemas.md).
      {
        path: 'countries',
        element: page(() => import('../routes/countries'), 'CountriesPage'),
      },
      {
        path: 'countries/:iso3',
        element: page(() => import('../routes/country'), 'CountryPage'),
        handle: {
          prefetch: (queryClient, params, search) =>
            import('../routes/country').then((m) =>
              m.prefetchCountryPage(queryClient, params.iso3 ?? '', search),
            ),
        } satisfies PageHandle,
      },
      {
        path: 'countries/:iso3/plan',
        element: page(() => import('../routes/country-plan'), 'CountryPlanPage'),
        handle: {
          prefetch: (queryClient, params) =>
            import('../routes/country-plan').then((m) =>
              m.prefetchCountryPlanPage(queryClient, params.iso3 ?? ''),
            ),
        } satisfies PageHandle,
      },
      {
        path: 'countries/:iso3/me-profile',
        element: page(() => import('../routes/me-profile'), 'MeProfilePage'),
      },
      {
        path: 'countries/:iso3/plan/new',
        element: page(() => import('../routes/plan-new'), 'PlanNewPage'),
      },
      {
        path: 'plans/:planId/edit',
        element: page(() => import('../routes/plan-edit'), 'PlanEditPage'),
      },
      // Comparison views load on first visit, keeping the first page's bundle small.
      {
        path: 'compare',
        element: page(() => import('../routes/compare'), 'ComparePage'),
        handle: {
          prefetch: (queryClient, _params, search) =>
            import('../routes/compare').then((m) => m.prefetchComparePage(queryClient, search)),
        } satisfies PageHandle,
      },
      {
        path: 'compare/heatmap',
        element: page(() => import('../routes/compare-heatmap'), 'CompareHeatmapPage'),
      },
      {
        path: 'compare/map',
        element: page(() => import('../routes/compare-map'), 'CompareMapPage'),
      },
      {
        path: 'compare/change',
        element: page(() => import('../routes/compare-change'), 'CompareChangePage'),
      },
      {
        path: 'targets',
        element: page(() => import('../routes/global-targets'), 'GlobalTargetsPage'),
      },
      {
        path: 'compare/indicators',
        element: page(() => import('../routes/compare-indicators'), 'CompareIndicatorsPage'),
      },
      // Peer learning: M&E system profiles side by side, shared challenges, lessons; briefing sessions.
      {
        path: 'learning',
        element: page(() => import('../routes/learning'), 'LearningPage'),
      },
      {
        path: 'briefings',
        element: page(() => import('../routes/briefings'), 'BriefingsPage'),
      },
      {
        path: 'briefings/new',
        element: page(() => import('../routes/briefing-new'), 'BriefingNewPage'),
      },
      {
        path: 'briefings/:id',
        element: page(() => import('../routes/briefing'), 'BriefingPage'),
      },
      {
        path: 'groups',
        element: page(() => import('../routes/groups'), 'GroupsPage'),
      },
      {
        path: 'exports',
        element: page(() => import('../routes/exports'), 'ExportsPage'),
      },
      // Accounts
      {
        path: 'sign-in',
        element: page(() => import('../routes/sign-in'), 'SignInPage'),
      },
      {
        path: 'admin/users',
        element: page(() => import('../routes/admin-users'), 'AdminUsersPage'),
      },
      {
        path: 'admin/import',
        element: page(() => import('../routes/admin-import'), 'AdminImportPage'),
      },
      {
        path: 'account',
        element: page(() => import('../routes/account'), 'AccountPage'),
      },
      {
        path: 'reset-password',
        element: page(() => import('../routes/reset-password'), 'ResetPasswordPage'),
      },
      {
        path: 'forgot-password',
        element: page(() => import('../routes/forgot-password'), 'ForgotPasswordPage'),
      },
      {
        path: 'account/tokens',
        element: page(() => import('../routes/tokens'), 'TokensPage'),
      },
      // Reporting workflow
      {
        path: 'due',
        element: page(() => import('../routes/due'), 'DuePage'),
        // What is due and the notices, for someone signed in (the page asks anyone else to sign in,
        // and would not ask for them again).
        handle: {
          prefetch: (queryClient) =>
            queryClient
              .fetchQuery(meQueryOptions())
              .then((me) =>
                me
                  ? Promise.all([
                      queryClient.prefetchQuery(dueQueryOptions()),
                      queryClient.prefetchQuery(notificationsQueryOptions()),
                    ])
                  : null,
              ),
        } satisfies PageHandle,
      },
      {
        path: 'periods/:periodId',
        element: page(() => import('../routes/period-entry'), 'PeriodEntryPage'),
        // The grid (its country's name follows: asking for it would wait for the grid first).
        handle: {
          prefetch: (queryClient, params) =>
            /^\d+$/.test(params.periodId ?? '')
              ? queryClient.prefetchQuery(entryGridQueryOptions(Number(params.periodId)))
              : Promise.resolve(),
        } satisfies PageHandle,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * What a route may tell about its page: the answers its first render shows, asked for through the
 * page's own query options (the same keys its hooks use), so a first visit renders the page whole once,
 * instead of once per answer as each arrives (client/main.tsx).
 */
export interface PageHandle {
  prefetch: (queryClient: QueryClient, params: Params, search: URLSearchParams) => Promise<unknown>;
}

/**
 * Loads the code of the page at this address (client/early.ts has asked for it already) and, where its
 * route says which, the answers its first render shows (client/early.ts has asked for those too) into
 * the query cache: the first render waits for both (client/main.tsx) and shows the page, instead of the
 * layout with a loading state laid out first and the page in a render per answer after. `code` resolves
 * when the code is in or has failed (the page then shows the failure), `data` when the answers are in
 * or have failed (the page's own queries then show or retry the failure).
 */
export function preparePage(
  queryClient: QueryClient,
  pathname: string,
  search: URLSearchParams,
): { code: Promise<void>; data: Promise<void> } {
  const matches = matchRoutes(routes, pathname) ?? [];
  const code = matches.map((m) => {
    const type = (m.route.element as ReactElement | undefined)?.type as { preload?: () => Promise<void> };
    return type?.preload?.();
  });
  const data = matches.map((m) =>
    (m.route.handle as PageHandle | undefined)?.prefetch(queryClient, m.params, search).catch(() => {}),
  );
  return {
    code: Promise.all(code).then(() => undefined),
    data: Promise.all(data).then(() => undefined),
  };
}

/** The app's pages at the current address, inside a router (BrowserRouter, or MemoryRouter in tests). */
export function AppRoutes() {
  return <RouteErrorBoundary>{useRoutes(routes)}</RouteErrorBoundary>;
}
