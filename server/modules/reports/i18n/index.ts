import type { Locale } from '../../../../shared';
import { classificationName } from '../../../../shared/i18n/classifications';
import { formatMoney } from '../../../../shared/i18n/number';
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
  /** A peer group's name in the language (WHO region, income group, UN region); `label` otherwise. */
  group: (g: { type: string; key: string | null; label: string }) => string;
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
    // English keeps the report's "$7,594,700"; the others as the client writes money (fr "7 594 700 USD",
    // ar "7,594,700 دولار أمريكي"): never "$US"/"US$", whose symbol and Latin letters break up Arabic.
    money: (n, currency) =>
      lang === 'en'
        ? new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n)
        : formatMoney(Math.round(n), currency, lang),
    date: (d) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d),
    group: (g) => {
      if (g.type === 'all') return t('group_all');
      if (g.type === 'countries') return t('group_countries');
      if ((g.type === 'who_region' || g.type === 'income_group' || g.type === 'un_region') && g.key)
        return classificationName(lang, g.type, g.key) ?? g.label;
      return g.label;
    },
  };
}
