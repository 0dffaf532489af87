import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { Locale } from '../../shared/i18n/locale';
import type { Catalog } from '../i18n/types';
import { Providers } from './providers';
import { routes } from './routes';

const router = createBrowserRouter(routes);

export function App({
  queryClient,
  language,
}: {
  queryClient: QueryClient;
  language: { locale: Locale; catalog: Catalog };
}) {
  return (
    <Providers queryClient={queryClient} language={language}>
      <RouterProvider router={router} />
    </Providers>
  );
}
