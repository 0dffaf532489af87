import { QueryClientContext } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { isRtl, type Locale } from '../../shared/i18n/locale';
import { setRequestLanguage } from '../lib/api-client';
import { whenPageSettled } from '../lib/page-settled';
import { loadCatalog, rememberLocale } from './catalogs';
import { createFormatters, type Formatters } from './format';
import { formatMessage } from './translate';
import type { Catalog, MessageKey, Params } from './types';

export type TFunction = (key: MessageKey, params?: Params) => string;

/**
 * The translate function of a catalog (the provider's; also for code outside React). With `onMissing`,
 * the catalog may be a part (i18n/parts.ts): a message it lacks is reported and shows empty until the
 * rest is in; without, a missing message shows its key.
 */
export function makeT(
  locale: Locale,
  catalog: Partial<Catalog>,
  onMissing?: (key: MessageKey) => void,
): TFunction {
  return (key, params) => {
    const message = catalog[key];
    if (message !== undefined) return formatMessage(locale, message, params);
    if (!onMissing) return key;
    onMissing(key);
    return '';
  };
}

/**
 * A language and what of its catalog is loaded: all of it, or (complete: false) its first part, the rest
 * to load once the page has settled, or at once when a message is missing.
 */
export interface Language {
  locale: Locale;
  catalog: Partial<Catalog>;
  complete?: boolean;
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
  onMissing,
  children,
}: {
  /** The language and its catalog, loaded before the first render (main.tsx; tests pass English). */
  initial: Language;
  /** Told of each message the first part lacked (tests/client/support/render-app.tsx checks there is none). */
  onMissing?: (key: MessageKey) => void;
  children: ReactNode;
}) {
  const [state, setState] = useState(() => ({ ...initial, complete: initial.complete ?? true }));
  // Optional: a provider without a query client (a test's) loads the rest at once.
  const queryClient = useContext(QueryClientContext);
  // The language whose whole catalog is being loaded, so it is asked for once.
  const completing = useRef<Locale | null>(null);
  const complete = useCallback((locale: Locale) => {
    if (completing.current === locale) return;
    completing.current = locale;
    loadCatalog(locale).then(
      (catalog) =>
        setState((s) => (s.locale === locale && !s.complete ? { locale, catalog, complete: true } : s)),
      () => {
        completing.current = null; // asked again at the next missing message
      },
    );
  }, []);
  // The rest of the catalog once the page has its answers and charts: the next page needs it.
  useEffect(() => {
    if (state.complete) return;
    if (!queryClient) return complete(state.locale);
    return whenPageSettled(queryClient, () => complete(state.locale));
  }, [state.complete, state.locale, queryClient, complete]);
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
    setState({ locale, catalog, complete: true });
  }, []);

  const value = useMemo<I18n>(() => {
    const { locale, catalog } = state;
    const t = makeT(
      locale,
      catalog,
      state.complete
        ? undefined
        : (key) => {
            onMissing?.(key);
            complete(locale);
          },
    );
    return { locale, dir: isRtl(locale) ? 'rtl' : 'ltr', t, setLocale, ...createFormatters(locale) };
  }, [state, setLocale, complete, onMissing]);
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
