import type { Provenance } from '../../../shared/constants/provenance';
import { numberFormat } from '../../../shared/i18n/intl-formats';
import type { Locale } from '../../../shared/i18n/locale';
import { formatMoney as moneyIn } from '../../../shared/i18n/number';
import type { TFunction } from '../../i18n/context';

/** A budget in the interface language ("USD 642,800", fr "642 800 USD"); "—" when there is none. */
export function formatMoney(amount: number | null, currency: string | null, locale: Locale): string {
  return amount === null ? '—' : moneyIn(amount, currency, locale);
}

/** An implementation rate (0–100) with one decimal at most, in the language's notation (fr "46,7 %"). */
export function formatRate(rate: number | null, locale: Locale): string {
  if (rate === null) return '—';
  const n = numberFormat(locale, { maximumFractionDigits: 1 }).format(Number(rate.toFixed(1)));
  return locale === 'en'
    ? `${n} %`
    : numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        Number(rate.toFixed(1)) / 100,
      );
}

/** Yes and No in the interface language, for yes/no indicators (stored as 1 and 0). */
export interface YesNo {
  yes: string;
  no: string;
}

/** The words formatAmount needs for an indicator of `measureType` (only yes/no ones use them). */
export const yesNoOf = (t: TFunction, measureType: string | null | undefined) => ({
  measureType,
  yes: t('grid.yes'),
  no: t('grid.no'),
});

/**
 * A baseline, target or value: a level letter for A–E indicators, a text milestone's text, Yes/No for
 * a yes/no indicator (given its words), else the number in the interface language (with its unit).
 */
export function formatAmount(
  a: { value: number | null; level: string | null; text?: string | null } | null,
  unit: string | null | undefined,
  locale: Locale,
  yesNo?: (YesNo & { measureType: string | null | undefined }) | null,
) {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.text) return a.text;
  if (a.value === null) return '—';
  if (yesNo?.measureType === 'yes_no') return a.value ? yesNo.yes : yesNo.no;
  const n = numberFormat(locale, { maximumFractionDigits: 2 }).format(a.value);
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
