import type { Provenance } from '../../../shared/constants/provenance';
import type { Locale } from '../../../shared/i18n/locale';

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(amount);
  return currency ? `${currency} ${n}` : n;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)} %`;
}

/**
 * A baseline, target or value: a level letter for A–E indicators, a text milestone's text, else the
 * number in the interface language (with its unit).
 */
export function formatAmount(
  a: { value: number | null; level: string | null; text?: string | null } | null,
  unit: string | null | undefined,
  locale: Locale,
) {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.text) return a.text;
  if (a.value === null) return '—';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(a.value);
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}

/**
 * The code readers know a plan indicator by: for a national indicator following a published question,
 * the question's code (7.4), not its internal one (tracss-2019-2020:7.4).
 */
export function shownCode(i: { code: string; follows: { code: string } | null }): string {
  return i.follows?.code ?? i.code;
}

/**
 * Whether a derived figure (a rate, % of target, a status) carries its source's badge: when it rests on
 * illustrative, draft or demo inputs. Figures from published or approved data need no mark.
 */
export function isMarkedSource(source: Provenance | null): source is Provenance {
  return source === 'illustrative' || source === 'national_draft' || source === 'demo';
}
