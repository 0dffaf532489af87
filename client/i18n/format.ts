import { dateTimeFormat, numberFormat } from '../../shared/i18n/intl-formats';
import type { Locale } from '../../shared/i18n/locale';

/** Numbers, percentages and dates in the interface language (Intl; Arabic gets its own digits). */
export function createFormatters(locale: Locale) {
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  return {
    formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
      return (options ? numberFormat(locale, options) : number).format(value);
    },
    /**
     * `value` is a percentage (0–100), as the API sends them. English keeps the app's spaced style
     * ("42 %", as in the reports); the other languages follow their own convention (fr "42 %", ar "42‎%").
     */
    formatPercent(value: number, maximumFractionDigits = 0): string {
      if (locale === 'en') return `${number.format(Number(value.toFixed(maximumFractionDigits)))} %`;
      return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(value / 100);
    },
    formatDate(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
      const d =
        typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
      if (Number.isNaN(d.getTime())) return String(value);
      return dateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(d);
    },
  };
}
export type Formatters = ReturnType<typeof createFormatters>;
