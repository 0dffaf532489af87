import type { RouteObject } from 'react-router';
import { CountriesPage } from '../routes/countries';
import { CountryPage } from '../routes/country';
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
      { path: 'countries', element: <CountriesPage /> },
      { path: 'countries/:iso3', element: <CountryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
