import type { QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { Locale } from '../../shared/i18n/locale';
import type { Catalog } from '../i18n/types';
import { Providers } from './providers';
import { AppRoutes } from './routes';

export function App({
  queryClient,
  language,
}: {
  queryClient: QueryClient;
  language: { locale: Locale; catalog: Catalog };
}) {
  return (
    <Providers queryClient={queryClient} language={language}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
