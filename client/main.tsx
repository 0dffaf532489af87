import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { preparePage } from './app/routes';
import { initialLocale, loadCatalogFor } from './i18n/catalogs';
import { applyDocumentLanguage } from './i18n/context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language's catalog is loaded before the first render, so no page flashes in English (its first
// part only, on the pages that render with it: i18n/parts.ts); and the page's code and first answers
// (client/early.ts has asked for all three), so the first render is the page's, whole, not the layout
// with a loading state and then a render per answer. The code is waited for at
// most PAGE_CODE_WAIT_MS (the layout then shows with a loading state), the answers at most
// PAGE_DATA_WAIT_MS (the page then shows its own loading states): a slow answer does not keep the
// whole page blank.
const PAGE_CODE_WAIT_MS = 3000;
const PAGE_DATA_WAIT_MS = 1000;
const within = (ms: number, p: Promise<unknown>) =>
  Promise.race([p, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
const locale = initialLocale();
applyDocumentLanguage(locale);
const queryClient = createQueryClient();
const page = preparePage(queryClient, location.pathname, new URLSearchParams(location.search));
void Promise.all([
  loadCatalogFor(locale, location.pathname),
  within(PAGE_CODE_WAIT_MS, page.code),
  within(PAGE_DATA_WAIT_MS, page.data),
]).then(([{ catalog, complete }]) =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} language={{ locale, catalog, complete }} />
    </StrictMode>,
  ),
);
