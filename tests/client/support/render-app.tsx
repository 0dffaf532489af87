import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Location, MemoryRouter, type NavigateFunction, useLocation, useNavigate } from 'react-router';
import { Providers } from '../../../client/app/providers';
import { createQueryClient } from '../../../client/app/query-client';
import { AppRoutes } from '../../../client/app/routes';
import type { Language } from '../../../client/i18n/context';
import { en } from '../../../client/i18n/locales/en';
import { inFirstPart, rendersWithFirstPart } from '../../../client/i18n/parts';
import type { Catalog } from '../../../client/i18n/types';

/** English's first part (client/i18n/parts.ts), as the build splits it (scripts/catalog-parts.mjs). */
export const enFirstPart: Partial<Catalog> = Object.fromEntries(
  Object.entries(en).filter(([key]) => inFirstPart(key)),
);

/**
 * The messages a page that renders with the first part of the catalog asked for and did not find there,
 * while it was the page shown: tests/setup/client.ts fails the test on any.
 */
export const firstPartMisses: { key: string; page: string }[] = [];

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
 * language is given: on the pages that render with the first part of the catalog, that part only, as
 * client/main.tsx renders them, every message they miss recorded (firstPartMisses).
 */
export function renderApp(path: string, language?: Language, options: { queryClient?: QueryClient } = {}) {
  const [pathname = '', search = ''] = path.split('?');
  const router: RouterView = {
    state: { location: { pathname, search: search && `?${search}`, hash: '', state: null, key: 'default' } },
    navigate: () => {
      throw new Error('renderApp: the router has not rendered yet');
    },
  };
  const firstPart = language === undefined && rendersWithFirstPart(pathname);
  const shown: Language =
    language ??
    (firstPart ? { locale: 'en', catalog: enFirstPart, complete: false } : { locale: 'en', catalog: en });
  const onMissingMessage = (key: string) => {
    const page = router.state.location.pathname;
    if (rendersWithFirstPart(page)) firstPartMisses.push({ key, page });
  };
  const queryClient = options.queryClient ?? createQueryClient({ retry: false });
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={queryClient} language={shown} onMissingMessage={onMissingMessage}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <RouterProbe into={router} />
      </MemoryRouter>
    </Providers>,
  );
  return { ...utils, router, user, queryClient };
}
