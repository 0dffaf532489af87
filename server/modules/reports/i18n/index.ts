import type { Locale } from '../../../../shared';
import { ar } from './ar';
import { en, type ReportKey, type ReportStrings } from './en';
import { es } from './es';
import { fr } from './fr';

export type { ReportKey, ReportStrings };
export const REPORT_STRINGS: Record<Locale, ReportStrings> = { en, fr, es, ar };

/** The report's words and number/date formats in one language (Intl for the formats). */
export interface ReportI18n {
  lang: Locale;
  rtl: boolean;
  t: (key: ReportKey, vars?: Record<string, string | number>) => string;
  num: (n: number, digits?: number) => string;
  pct: (n: number | null) => string;
  money: (n: number, currency: string) => string;
  date: (d: Date) => string;
}

export function reportI18n(lang: Locale): ReportI18n {
  const strings = REPORT_STRINGS[lang];
  const numbers = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
      numbers.set(digits, f);
    }
    return f;
  };
  const num = (n: number, digits = 1) => nf(digits).format(n);
  const t = (key: ReportKey, vars: Record<string, string | number> = {}) =>
    strings[key].replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = vars[k];
      return v === undefined ? m : String(v);
    });
  return {
    lang,
    rtl: lang === 'ar',
    t,
    num,
    pct: (n) => (n === null ? '—' : `${num(n)} %`),
    money: (n, currency) =>
      new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n),
    date: (d) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d),
  };
}
