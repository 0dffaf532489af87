import { createRequire } from 'node:module';
import { isRtl, type Locale } from '../../../../shared';
import { ar } from './ar';
import { type DigestKey, type DigestPluralKey, type DigestStrings, en } from './en';
import { es } from './es';
import { fr } from './fr';

export const DIGEST_STRINGS: Record<Locale, DigestStrings> = { en, fr, es, ar };

type Vars = Record<string, string | number>;

/** i18n-iso-countries (also the client's source of country names), loaded on the first digest. */
interface CountryNames {
  getName(code: string, lang: string): string | undefined;
}
let countryNames: CountryNames | null = null;
function names(): CountryNames {
  countryNames ??= createRequire(import.meta.url)('i18n-iso-countries') as CountryNames;
  return countryNames;
}

export interface DigestI18n {
  lang: Locale;
  rtl: boolean;
  t: (key: DigestKey, vars?: Vars) => string;
  /** The phrase's form for the count n (n is formatted in the language's digits). */
  plural: (key: DigestPluralKey, n: number) => string;
  /** A moment written out with its time, in UTC. */
  at: (d: Date) => string;
  /** A day (YYYY-MM-DD) written out, e.g. 31 mars 2026. */
  day: (isoDay: string) => string;
  /** The country's name in the language by its ISO 3166-1 code; the stored name when unknown. */
  country: (iso3: string, stored: string) => string;
}

export function digestI18n(lang: Locale): DigestI18n {
  const strings = DIGEST_STRINGS[lang];
  const rules = new Intl.PluralRules(lang);
  const num = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const fill = (text: string, vars: Vars) =>
    text.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] === undefined ? m : String(vars[k])));
  return {
    lang,
    rtl: isRtl(lang),
    t: (key, vars = {}) => fill(strings[key], vars),
    plural: (key, n) => {
      const forms = strings[key];
      return fill(forms[rules.select(n)] ?? forms.other, { n: num.format(n) });
    },
    at: (d) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d),
    day: (isoDay) => dates.format(new Date(`${isoDay}T00:00:00Z`)),
    country: (iso3, stored) => (lang === 'en' ? stored : (names().getName(iso3, lang) ?? stored)),
  };
}
