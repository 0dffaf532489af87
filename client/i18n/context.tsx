import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { isRtl, type Locale } from '../../shared/i18n/locale';
import { setRequestLanguage } from '../lib/api-client';
import { loadCatalog, rememberLocale } from './catalogs';
import { createFormatters, type Formatters } from './format';
import { formatMessage } from './translate';
import type { Catalog, MessageKey, Params } from './types';

export type TFunction = (key: MessageKey, params?: Params) => string;

/** The translate function of a catalog (the provider's; also for code outside React). */
export function makeT(locale: Locale, catalog: Catalog): TFunction {
  return (key, params) => formatMessage(locale, catalog[key] ?? key, params);
}

export interface I18n extends Formatters {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: TFunction;
  /** Loads the language's catalog, then switches; remembered in this browser. */
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

/** Sets <html lang dir> so the browser, screen readers and CSS logical properties follow the language. */
export function applyDocumentLanguage(locale: Locale) {
  const html = document.documentElement;
  html.lang = locale;
  html.dir = isRtl(locale) ? 'rtl' : 'ltr';
}

export function I18nProvider({
  initial,
  children,
}: {
  /** The language and its catalog, loaded before the first render (main.tsx; tests pass English). */
  initial: { locale: Locale; catalog: Catalog };
  children: ReactNode;
}) {
  const [state, setState] = useState(initial);
  // Before the browser paints the page in the new language: an effect ran after it, so a switch to
  // Arabic showed one frame right-to-left text in a left-to-right page (and tests on a loaded machine
  // read the old <html lang> beside the new words).
  useLayoutEffect(() => {
    applyDocumentLanguage(state.locale);
    setRequestLanguage(state.locale);
  }, [state.locale]);

  const setLocale = useCallback(async (locale: Locale) => {
    const catalog = await loadCatalog(locale);
    rememberLocale(locale);
    setState({ locale, catalog });
  }, []);

  const value = useMemo<I18n>(() => {
    const { locale, catalog } = state;
    const t = makeT(locale, catalog);
    return { locale, dir: isRtl(locale) ? 'rtl' : 'ltr', t, setLocale, ...createFormatters(locale) };
  }, [state, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside <I18nProvider>');
  return ctx;
}

/** The translate function of the current language: `t('nav.home')`, `t('countries.count', { count })`. */
export function useT(): TFunction {
  return useI18n().t;
}
