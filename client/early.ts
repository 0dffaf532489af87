/**
 * The page's first requests, started by a small script index.html loads before the app (a deferred
 * module ahead of the app's entry, so it runs as soon as it and its one import have arrived, long
 * before React and the app's entry have downloaded and run; vite.config.ts says why not async): the
 * answers the page will ask for, its code, its chart and the language's catalog (what of it the page
 * needs first: i18n/parts.ts). The answers wait in lib/early-requests.ts until the api client asks for
 * the same URL; the code and the catalog in the module map. Nothing here imports React. The URLs:
 * client/app/early-urls.ts.
 */
import { earlyRequests } from './app/early-urls';
import { initialLocale, loadCatalogFor } from './i18n/catalogs';
import { buildUrl, readHeaders, setRequestLanguage } from './lib/api-client';
import { trackCodeLoad } from './lib/code-loading';
import { startEarly } from './lib/early-requests';

/**
 * The page's code and chart, fetched now (the router and the page import the same modules later). Not
 * the response schemas: the server's answers carry the version of the schemas they were shaped with,
 * and an answer of this build's version is not checked again (client/lib/api-client.ts).
 */
function pageCode(pathname: string): Promise<unknown>[] {
  if (/^\/countries\/[A-Za-z]{3}\/?$/.test(pathname))
    return [import('./routes/country'), import('./components/charts/compare-chart')];
  if (/^\/compare\/?$/.test(pathname))
    return [import('./routes/compare'), import('./components/charts/distribution-chart')];
  if (/^\/countries\/[A-Za-z]{3}\/plan\/?$/.test(pathname)) return [import('./routes/country-plan')];
  if (/^\/due\/?$/.test(pathname)) return [import('./routes/due')];
  if (/^\/periods\/\d+\/?$/.test(pathname)) return [import('./routes/period-entry')];
  return [];
}

const locale = initialLocale();
setRequestLanguage(locale);
const init = { headers: readHeaders(), credentials: 'same-origin' } as const;
// Who is signed in: every page's header shows it.
for (const url of [
  buildUrl('/auth/me'),
  ...earlyRequests(location.pathname, new URLSearchParams(location.search)),
])
  startEarly(url, init);
// Counted as code on its way (lib/code-loading.ts): what waits for the page to settle waits for it too.
for (const p of [loadCatalogFor(locale, location.pathname), ...pageCode(location.pathname)])
  trackCodeLoad(p).catch(() => {});

/**
 * The renderer's first Intl number format loads ICU's data: 34–50 ms in Chromium (a date format then
 * 4–11 ms more), which the page's first render would otherwise pay while the user waits for it. Made
 * here, after the requests above are on their way, while the page's code is still downloading; the
 * formats the app makes later cost ~0.1 ms. Thrown away: only the loaded data is kept.
 */
setTimeout(() => {
  try {
    new Intl.NumberFormat(locale).format(1.5);
    new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(0);
    new Intl.PluralRules(locale).select(1);
  } catch {
    // A browser without Intl: the app formats without it.
  }
}, 0);
