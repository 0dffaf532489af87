import type { Locale } from '../../shared/i18n/locale';

/**
 * Numbers, percentages and dates in the interface language (Intl; Arabic gets its own digits). Each
 * Intl format is made once per set of options: making one costs far more than formatting with it
 * (a period's grid of 150 rows formats hundreds of numbers and dates while it first renders).
 */
export function createFormatters(locale: Locale) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const numbers = new Map<string, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = numbers.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      numbers.set(key, f);
    }
    return f;
  };
  return {
    formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
      return options ? numberFormat(options).format(value) : number.format(value);
    },
    /**
     * `value` is a percentage (0–100), as the API sends them. English keeps the app's spaced style
     * ("42 %", as in the reports); the other languages follow their own convention (fr "42 %", ar "42‎%").
     */
    formatPercent(value: number, maximumFractionDigits = 0): string {
      if (locale === 'en') return `${number.format(Number(value.toFixed(maximumFractionDigits)))} %`;
      return numberFormat({ style: 'percent', maximumFractionDigits }).format(value / 100);
    },
    formatDate(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
      const d =
        typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
      if (Number.isNaN(d.getTime())) return String(value);
      const key = JSON.stringify(options);
      let f = dates.get(key);
      if (!f) {
        f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
        dates.set(key, f);
      }
      return f.format(d);
    },
  };
}
export type Formatters = ReturnType<typeof createFormatters>;
