import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, type Language } from '../i18n/context';
import type { MessageKey } from '../i18n/types';

/**
 * App-wide providers. The QueryClient is passed in so tests can give their own, and so is the language
 * with its catalog (main.tsx loads it before the first render).
 */
export function Providers({
  queryClient,
  language,
  onMissingMessage,
  children,
}: {
  queryClient: QueryClient;
  language: Language;
  onMissingMessage?: (key: MessageKey) => void;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={language} onMissing={onMissingMessage}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
