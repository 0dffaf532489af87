import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/locale';
import { I18nProvider } from '../i18n/context';
import type { Catalog } from '../i18n/types';

/**
 * App-wide providers. The QueryClient is passed in so tests can give their own, and so is the language
 * with its catalog (main.tsx loads it before the first render).
 */
export function Providers({
  queryClient,
  language,
  children,
}: {
  queryClient: QueryClient;
  language: { locale: Locale; catalog: Catalog };
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={language}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
