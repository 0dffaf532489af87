/**
 * Interface languages: four of the six UN languages. English is the source.
 * No zod here: the client's first page uses these, and LocaleSchema (shared/api/i18n.ts) is the same list.
 */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export function isRtl(locale: Locale): boolean {
  return locale === 'ar';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header or a list of browser languages
 * ("fr-CA,fr;q=0.9,en;q=0.8" → fr), by quality then order; English when none is supported.
 */
export function pickLocale(accept: string | readonly string[] | undefined | null): Locale {
  if (!accept) return DEFAULT_LOCALE;
  const entries = (typeof accept === 'string' ? accept.split(',') : accept).map((part, i) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, i };
  });
  entries.sort((a, b) => b.q - a.q || a.i - b.i);
  for (const e of entries) if (e.q > 0 && isLocale(e.base)) return e.base;
  return DEFAULT_LOCALE;
}
