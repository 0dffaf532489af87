import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../../../client/app/providers';
import { createQueryClient } from '../../../client/app/query-client';
import { routes } from '../../../client/app/routes';
import { en } from '../../../client/i18n/locales/en';
import type { Catalog } from '../../../client/i18n/types';
import type { Locale } from '../../../shared/i18n/locale';

/**
 * The wait for a page's first content. Pages are lazy routes: the first visit imports the page's
 * module, which vitest transforms on demand (the page and everything it imports) — seconds on a busy
 * machine. Pass it to the first findBy* after renderApp.
 */
export const FIRST_LOAD = { timeout: 10_000 } as const;

/**
 * Renders the whole app (layout, routes, providers) at `path`, with a fresh cache and no retries,
 * in English unless a language is given.
 */
export function renderApp(
  path: string,
  language: { locale: Locale; catalog: Catalog } = { locale: 'en', catalog: en },
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={queryClient} language={language}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, user, queryClient };
}
