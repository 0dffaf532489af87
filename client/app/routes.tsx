import type { RouteObject } from 'react-router';
import { AdminUsersPage } from '../routes/admin-users';
import { CountriesPage } from '../routes/countries';
import { CountryPage } from '../routes/country';
import { HomePage } from '../routes/home';
import { NotFoundPage } from '../routes/not-found';
import { SignInPage } from '../routes/sign-in';
import { TokensPage } from '../routes/tokens';
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
      { path: 'countries', element: <CountriesPage /> },
      { path: 'countries/:iso3', element: <CountryPage /> },
      {
        path: 'countries/:iso3/plan',
        lazy: () => import('../routes/country-plan').then((m) => ({ Component: m.CountryPlanPage })),
      },
      // Comparison views (issue 5) load on first visit, keeping the first page's bundle small.
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
        path: 'compare/indicators',
        lazy: () =>
          import('../routes/compare-indicators').then((m) => ({ Component: m.CompareIndicatorsPage })),
      },
      { path: 'groups', lazy: () => import('../routes/groups').then((m) => ({ Component: m.GroupsPage })) },
      // Accounts (issue 3)
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      {
        path: 'admin/import',
        lazy: () => import('../routes/admin-import').then((m) => ({ Component: m.AdminImportPage })),
      },
      { path: 'account/tokens', element: <TokensPage /> },
      // Reporting workflow (issue 4)
      { path: 'due', lazy: () => import('../routes/due').then((m) => ({ Component: m.DuePage })) },
      {
        path: 'periods/:periodId',
        lazy: () => import('../routes/period-entry').then((m) => ({ Component: m.PeriodEntryPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
