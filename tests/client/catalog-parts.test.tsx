import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadCatalog, loadCatalogFor } from '../../client/i18n/catalogs';
import { I18nProvider, useT } from '../../client/i18n/context';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { es } from '../../client/i18n/locales/es';
import { fr } from '../../client/i18n/locales/fr';
import { FIRST_PART_PREFIXES, inFirstPart, rendersWithFirstPart } from '../../client/i18n/parts';
import type { MessageKey } from '../../client/i18n/types';
import { enFirstPart } from './support/render-app';

/**
 * The catalogs in two parts (client/i18n/parts.ts, scripts/catalog-parts.mjs): what the build makes of
 * each language, which pages render with the first part, and what a page shows when it lacks one.
 */
const SOURCES = { en, fr, es, ar } as const;
const IMPORTS = {
  en: [() => import('virtual:catalog/en-first'), () => import('virtual:catalog/en-rest')],
  fr: [() => import('virtual:catalog/fr-first'), () => import('virtual:catalog/fr-rest')],
  es: [() => import('virtual:catalog/es-first'), () => import('virtual:catalog/es-rest')],
  ar: [() => import('virtual:catalog/ar-first'), () => import('virtual:catalog/ar-rest')],
} as const;

describe('the catalogs built in two parts', () => {
  it.each(Object.keys(SOURCES) as (keyof typeof SOURCES)[])(
    '%s: the parts split the catalog by key',
    async (lang) => {
      const [first, rest] = await Promise.all(IMPORTS[lang].map((load) => load().then((m) => m.default)));
      const firstKeys = Object.keys(first ?? {});
      const restKeys = Object.keys(rest ?? {});
      expect(firstKeys.length).toBeGreaterThan(300);
      expect(restKeys.length).toBeGreaterThan(600);
      expect(firstKeys.every(inFirstPart)).toBe(true);
      expect(restKeys.some(inFirstPart)).toBe(false);
      // Nothing lost, nothing changed: the two parts together are the catalog as written.
      expect({ ...first, ...rest }).toEqual(SOURCES[lang]);
      expect(await loadCatalog(lang)).toEqual(SOURCES[lang]);
    },
  );

  it('every prefix of the first part names messages', () => {
    for (const prefix of FIRST_PART_PREFIXES)
      expect(
        Object.keys(en).some((key) => key.startsWith(`${prefix}.`)),
        prefix,
      ).toBe(true);
  });

  it('the public pages a visitor lands on render with the first part; the others wait for all', async () => {
    for (const path of ['/', '/countries', '/countries/JOR', '/compare', '/compare/heatmap', '/compare/map'])
      expect(rendersWithFirstPart(path), path).toBe(true);
    for (const path of ['/due', '/periods/12', '/countries/JOR/plan', '/sign-in', '/account', '/learning'])
      expect(rendersWithFirstPart(path), path).toBe(false);
    expect(await loadCatalogFor('fr', '/countries/JOR')).toEqual({
      catalog: Object.fromEntries(Object.entries(fr).filter(([key]) => inFirstPart(key))),
      complete: false,
    });
    expect(await loadCatalogFor('fr', '/due')).toEqual({ catalog: fr, complete: true });
  });
});

function Message({ k }: { k: MessageKey }) {
  return <p data-testid="message">{useT()(k)}</p>;
}

describe('a page on the first part that needs a message of the rest', () => {
  it('shows it empty, loads the rest at once, then shows it', async () => {
    const missed: string[] = [];
    const key: MessageKey = 'due.title';
    expect(inFirstPart(key)).toBe(false);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nProvider
          initial={{ locale: 'en', catalog: enFirstPart, complete: false }}
          onMissing={(k) => missed.push(k)}
        >
          <Message k={key} />
        </I18nProvider>
      </QueryClientProvider>,
    );
    expect(missed).toContain(key);
    expect(screen.getByTestId('message').textContent).toBe('');
    expect(await screen.findByText(en[key] as string)).toBeTruthy();
  });
});
