import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Location, MemoryRouter, type NavigateFunction, useLocation, useNavigate } from 'react-router';
import { Providers } from '../../../client/app/providers';
import { createQueryClient } from '../../../client/app/query-client';
import { AppRoutes } from '../../../client/app/routes';
import { en } from '../../../client/i18n/locales/en';
import type { Catalog } from '../../../client/i18n/types';
import type { Locale } from '../../../shared/i18n/locale';

/**
 * The wait for a page's first content. Pages load their code on first visit: the first visit imports the page's
 * module, which vitest transforms on demand (the page and everything it imports) — seconds on a busy
 * machine. Pass it to the first findBy* after renderApp.
 */
export const FIRST_LOAD = { timeout: 10_000 } as const;

/**
 * Where the app is and a way to move it, as the tests use them (`router.state.location`,
 * `router.navigate`): kept current by RouterProbe, inside the router.
 */
interface RouterView {
  state: { location: Location };
  navigate: NavigateFunction | ((to: string) => void);
}

function RouterProbe({ into }: { into: RouterView }) {
  into.state.location = useLocation();
  into.navigate = useNavigate();
  return null;
}

/**
 * Renders the whole app (layout, routes, providers) at `path`, with a fresh cache and no retries
 * (or the cache given, as client/main.tsx fills it before the first render), in English unless a
 * language is given.
 */
export function renderApp(
  path: string,
  language: { locale: Locale; catalog: Catalog } = { locale: 'en', catalog: en },
  options: { queryClient?: QueryClient } = {},
) {
  const [pathname = '', search = ''] = path.split('?');
  const router: RouterView = {
    state: { location: { pathname, search: search && `?${search}`, hash: '', state: null, key: 'default' } },
    navigate: () => {
      throw new Error('renderApp: the router has not rendered yet');
    },
  };
  const queryClient = options.queryClient ?? createQueryClient({ retry: false });
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={queryClient} language={language}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <RouterProbe into={router} />
      </MemoryRouter>
    </Providers>,
  );
  return { ...utils, router, user, queryClient };
}
