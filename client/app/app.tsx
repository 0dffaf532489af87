import type { QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { Language } from '../i18n/context';
import { Providers } from './providers';
import { AppRoutes } from './routes';

export function App({ queryClient, language }: { queryClient: QueryClient; language: Language }) {
  return (
    <Providers queryClient={queryClient} language={language}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
