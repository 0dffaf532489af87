import { isLocale, type Locale, pickLocale } from '../../shared/i18n/locale';
import { rendersWithFirstPart } from './parts';
import type { Catalog } from './types';

type Part = Partial<Catalog>;

/**
 * Every catalog loads on demand, in two parts (client/i18n/parts.ts, built by
 * scripts/catalog-parts.mjs), so none weighs on the first bundle.
 */
const parts: Record<Locale, { first: () => Promise<Part>; rest: () => Promise<Part> }> = {
  en: {
    first: () => import('virtual:catalog/en-first').then((m) => m.default),
    rest: () => import('virtual:catalog/en-rest').then((m) => m.default),
  },
  fr: {
    first: () => import('virtual:catalog/fr-first').then((m) => m.default),
    rest: () => import('virtual:catalog/fr-rest').then((m) => m.default),
  },
  es: {
    first: () => import('virtual:catalog/es-first').then((m) => m.default),
    rest: () => import('virtual:catalog/es-rest').then((m) => m.default),
  },
  ar: {
    first: () => import('virtual:catalog/ar-first').then((m) => m.default),
    rest: () => import('virtual:catalog/ar-rest').then((m) => m.default),
  },
};

/** A language's whole catalog. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  const [first, rest] = await Promise.all([parts[locale].first(), parts[locale].rest()]);
  return { ...first, ...rest } as Catalog;
}

/** What a language's catalog holds so far: all of it, or its first part only. */
export interface LoadedCatalog {
  catalog: Part;
  complete: boolean;
}

/**
 * What the page at `pathname` needs before its first render: the first part for the pages that render
 * with it (rendersWithFirstPart), else the whole catalog.
 */
export async function loadCatalogFor(locale: Locale, pathname: string): Promise<LoadedCatalog> {
  if (rendersWithFirstPart(pathname)) return { catalog: await parts[locale].first(), complete: false };
  return { catalog: await loadCatalog(locale), complete: true };
}

export const STORAGE_KEY = 'nap.locale';

/** The language of this browser: the one picked here before, else the browser's languages (Accept-Language). */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be disabled; the browser's languages still apply.
  }
  return pickLocale(typeof navigator === 'undefined' ? null : navigator.languages);
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted in this browser; the choice still applies to this page.
  }
}
