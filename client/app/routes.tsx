import type { ComponentType, ReactElement } from 'react';
import { type RouteObject, useRoutes } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { HomePage } from '../routes/home';
import { NotFoundPage } from '../routes/not-found';
import { Layout } from './layout';
import { RouteErrorBoundary } from './route-error';

/**
 * A page whose code loads on its first visit (its own chunk): the layout shows with a loading state
 * meanwhile, and a failed load reaches the error boundary (client/app/route-error.tsx). onDemand, not
 * React.lazy, for the reason its own description gives (Suspense holds a reveal back 300 ms).
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ReactElement {
  const Page = onDemand<object>(() => load().then((m) => ({ default: pick(m) })));
  return <Page fallback={<LoadingState />} />;
}

/**
 * The route table, shared by the browser router and the tests' memory router. Declarative routes
 * (useRoutes), not React Router's data router: no page loads data through the router, and the data
 * router was ~50 kB more code for every first visit to run (docs/benchmarks.md, 6 December).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      // Every page but home loads on first visit: the first page's bundle stays small
      // (docs/decisions/lazy-response-schemas.md).
      {
        path: 'countries',
        element: page(
          () => import('../routes/countries'),
          (m) => m.CountriesPage,
        ),
      },
      {
        path: 'countries/:iso3',
        element: page(
          () => import('../routes/country'),
          (m) => m.CountryPage,
        ),
      },
      {
        path: 'countries/:iso3/plan',
        element: page(
          () => import('../routes/country-plan'),
          (m) => m.CountryPlanPage,
        ),
      },
      {
        path: 'countries/:iso3/me-profile',
        element: page(
          () => import('../routes/me-profile'),
          (m) => m.MeProfilePage,
        ),
      },
      {
        path: 'countries/:iso3/plan/new',
        element: page(
          () => import('../routes/plan-new'),
          (m) => m.PlanNewPage,
        ),
      },
      {
        path: 'plans/:planId/edit',
        element: page(
          () => import('../routes/plan-edit'),
          (m) => m.PlanEditPage,
        ),
      },
      // Comparison views load on first visit, keeping the first page's bundle small.
      {
        path: 'compare',
        element: page(
          () => import('../routes/compare'),
          (m) => m.ComparePage,
        ),
      },
      {
        path: 'compare/heatmap',
        element: page(
          () => import('../routes/compare-heatmap'),
          (m) => m.CompareHeatmapPage,
        ),
      },
      {
        path: 'compare/map',
        element: page(
          () => import('../routes/compare-map'),
          (m) => m.CompareMapPage,
        ),
      },
      {
        path: 'compare/change',
        element: page(
          () => import('../routes/compare-change'),
          (m) => m.CompareChangePage,
        ),
      },
      {
        path: 'targets',
        element: page(
          () => import('../routes/global-targets'),
          (m) => m.GlobalTargetsPage,
        ),
      },
      {
        path: 'compare/indicators',
        element: page(
          () => import('../routes/compare-indicators'),
          (m) => m.CompareIndicatorsPage,
        ),
      },
      // Peer learning: M&E system profiles side by side, shared challenges, lessons; briefing sessions.
      {
        path: 'learning',
        element: page(
          () => import('../routes/learning'),
          (m) => m.LearningPage,
        ),
      },
      {
        path: 'briefings',
        element: page(
          () => import('../routes/briefings'),
          (m) => m.BriefingsPage,
        ),
      },
      {
        path: 'briefings/new',
        element: page(
          () => import('../routes/briefing-new'),
          (m) => m.BriefingNewPage,
        ),
      },
      {
        path: 'briefings/:id',
        element: page(
          () => import('../routes/briefing'),
          (m) => m.BriefingPage,
        ),
      },
      {
        path: 'groups',
        element: page(
          () => import('../routes/groups'),
          (m) => m.GroupsPage,
        ),
      },
      {
        path: 'exports',
        element: page(
          () => import('../routes/exports'),
          (m) => m.ExportsPage,
        ),
      },
      // Accounts
      {
        path: 'sign-in',
        element: page(
          () => import('../routes/sign-in'),
          (m) => m.SignInPage,
        ),
      },
      {
        path: 'admin/users',
        element: page(
          () => import('../routes/admin-users'),
          (m) => m.AdminUsersPage,
        ),
      },
      {
        path: 'admin/import',
        element: page(
          () => import('../routes/admin-import'),
          (m) => m.AdminImportPage,
        ),
      },
      {
        path: 'account',
        element: page(
          () => import('../routes/account'),
          (m) => m.AccountPage,
        ),
      },
      {
        path: 'reset-password',
        element: page(
          () => import('../routes/reset-password'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: 'forgot-password',
        element: page(
          () => import('../routes/forgot-password'),
          (m) => m.ForgotPasswordPage,
        ),
      },
      {
        path: 'account/tokens',
        element: page(
          () => import('../routes/tokens'),
          (m) => m.TokensPage,
        ),
      },
      // Reporting workflow
      {
        path: 'due',
        element: page(
          () => import('../routes/due'),
          (m) => m.DuePage,
        ),
      },
      {
        path: 'periods/:periodId',
        element: page(
          () => import('../routes/period-entry'),
          (m) => m.PeriodEntryPage,
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The app's pages at the current address, inside a router (BrowserRouter, or MemoryRouter in tests). */
export function AppRoutes() {
  return <RouteErrorBoundary>{useRoutes(routes)}</RouteErrorBoundary>;
}
