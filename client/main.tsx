import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { initialLocale, loadCatalog } from './i18n/catalogs';
import { applyDocumentLanguage } from './i18n/context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language's catalog is loaded before the first render, so no page flashes in English (client/early.ts
// has asked for it already, with the page's first answers and code).
const locale = initialLocale();
applyDocumentLanguage(locale);
void loadCatalog(locale).then((catalog) =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} language={{ locale, catalog }} />
    </StrictMode>,
  ),
);
