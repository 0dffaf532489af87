import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { preloadPage } from './app/routes';
import { initialLocale, loadCatalog } from './i18n/catalogs';
import { applyDocumentLanguage } from './i18n/context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language's catalog is loaded before the first render, so no page flashes in English; and the page's
// code, so the first render is the page's (client/early.ts has asked for both already, with the page's
// first answers), unless it takes more than PAGE_CODE_WAIT_MS: the layout then shows with a loading state.
const PAGE_CODE_WAIT_MS = 3000;
const locale = initialLocale();
applyDocumentLanguage(locale);
const pageCode = Promise.race([
  preloadPage(location.pathname),
  new Promise<void>((resolve) => setTimeout(resolve, PAGE_CODE_WAIT_MS)),
]);
void Promise.all([loadCatalog(locale), pageCode]).then(([catalog]) =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} language={{ locale, catalog }} />
    </StrictMode>,
  ),
);
