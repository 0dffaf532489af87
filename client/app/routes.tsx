import type { RouteObject } from 'react-router';
import { HomePage } from '../routes/home';
import { NotFoundPage } from '../routes/not-found';
import { Layout } from './layout';
import { RouteError } from './route-error';

/** The route table, shared by the browser router and the tests' memory router. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      // Every page but home loads on first visit: the first page's bundle stays small
      // (docs/decisions/lazy-response-schemas.md).
      {
        path: 'countries',
        lazy: () => import('../routes/countries').then((m) => ({ Component: m.CountriesPage })),
      },
      {
        path: 'countries/:iso3',
        lazy: () => import('../routes/country').then((m) => ({ Component: m.CountryPage })),
      },
      {
        path: 'countries/:iso3/plan',
        lazy: () => import('../routes/country-plan').then((m) => ({ Component: m.CountryPlanPage })),
      },
      {
        path: 'countries/:iso3/me-profile',
        lazy: () => import('../routes/me-profile').then((m) => ({ Component: m.MeProfilePage })),
      },
      {
        path: 'countries/:iso3/plan/new',
        lazy: () => import('../routes/plan-new').then((m) => ({ Component: m.PlanNewPage })),
      },
      {
        path: 'plans/:planId/edit',
        lazy: () => import('../routes/plan-edit').then((m) => ({ Component: m.PlanEditPage })),
      },
      // Comparison views load on first visit, keeping the first page's bundle small.
      {
        path: 'compare',
        lazy: () => import('../routes/compare').then((m) => ({ Component: m.ComparePage })),
      },
      {
        path: 'compare/heatmap',
        lazy: () => import('../routes/compare-heatmap').then((m) => ({ Component: m.CompareHeatmapPage })),
      },
      {
        path: 'compare/map',
        lazy: () => import('../routes/compare-map').then((m) => ({ Component: m.CompareMapPage })),
      },
      {
        path: 'compare/change',
        lazy: () => import('../routes/compare-change').then((m) => ({ Component: m.CompareChangePage })),
      },
      {
        path: 'targets',
        lazy: () => import('../routes/global-targets').then((m) => ({ Component: m.GlobalTargetsPage })),
      },
      {
        path: 'compare/indicators',
        lazy: () =>
          import('../routes/compare-indicators').then((m) => ({ Component: m.CompareIndicatorsPage })),
      },
      // Peer learning: M&E system profiles side by side, shared challenges, lessons; briefing sessions.
      {
        path: 'learning',
        lazy: () => import('../routes/learning').then((m) => ({ Component: m.LearningPage })),
      },
      {
        path: 'briefings',
        lazy: () => import('../routes/briefings').then((m) => ({ Component: m.BriefingsPage })),
      },
      {
        path: 'briefings/new',
        lazy: () => import('../routes/briefing-new').then((m) => ({ Component: m.BriefingNewPage })),
      },
      {
        path: 'briefings/:id',
        lazy: () => import('../routes/briefing').then((m) => ({ Component: m.BriefingPage })),
      },
      { path: 'groups', lazy: () => import('../routes/groups').then((m) => ({ Component: m.GroupsPage })) },
      {
        path: 'exports',
        lazy: () => import('../routes/exports').then((m) => ({ Component: m.ExportsPage })),
      },
      // Accounts
      { path: 'sign-in', lazy: () => import('../routes/sign-in').then((m) => ({ Component: m.SignInPage })) },
      {
        path: 'admin/users',
        lazy: () => import('../routes/admin-users').then((m) => ({ Component: m.AdminUsersPage })),
      },
      {
        path: 'admin/import',
        lazy: () => import('../routes/admin-import').then((m) => ({ Component: m.AdminImportPage })),
      },
      {
        path: 'account',
        lazy: () => import('../routes/account').then((m) => ({ Component: m.AccountPage })),
      },
      {
        path: 'reset-password',
        lazy: () => import('../routes/reset-password').then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        path: 'forgot-password',
        lazy: () => import('../routes/forgot-password').then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: 'account/tokens',
        lazy: () => import('../routes/tokens').then((m) => ({ Component: m.TokensPage })),
      },
      // Reporting workflow
      { path: 'due', lazy: () => import('../routes/due').then((m) => ({ Component: m.DuePage })) },
      {
        path: 'periods/:periodId',
        lazy: () => import('../routes/period-entry').then((m) => ({ Component: m.PeriodEntryPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
