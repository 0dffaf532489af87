import { isLocale, type Locale, pickLocale } from '../../shared/i18n/locale';
import type { Catalog } from './types';

/** Every catalog loads on demand (20–25 kB gzip each), so none weighs on the first bundle. */
const loaders: Record<Locale, () => Promise<Catalog>> = {
  en: () => import('./locales/en').then((m) => m.en),
  fr: () => import('./locales/fr').then((m) => m.fr),
  es: () => import('./locales/es').then((m) => m.es),
  ar: () => import('./locales/ar').then((m) => m.ar),
};

export function loadCatalog(locale: Locale): Promise<Catalog> {
  return loaders[locale]();
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
