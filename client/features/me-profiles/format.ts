import type { MeFieldDef } from '../../../shared/constants/me-profile';
import type { MeProfileText } from '../../../shared/i18n/me-profile';
import type { Formatters } from '../../i18n/format';

export type MeValue = boolean | number | string | string[];

/**
 * A field's value as people read it: yes/no words, option labels, whole numbers and US dollars in
 * the interface language. Lists (multi, list) stay lists so the page can show one item per line.
 * A value whose type does not match its definition is shown as it came, never dropped.
 */
export function formatMeValue(
  def: MeFieldDef | undefined,
  value: MeValue,
  text: MeProfileText,
  formatNumber: Formatters['formatNumber'],
): string | string[] {
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  const label = (v: string) =>
    def?.options ? ((text.options[def.options] as Record<string, string>)[v] ?? v) : v;
  if (Array.isArray(value)) return value.map(label);
  if (typeof value === 'number') {
    if (def?.kind === 'amount_usd')
      return formatNumber(value, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    return formatNumber(value);
  }
  return def?.kind === 'single' ? label(value) : value;
}

/** The same as one line (table cells, compact lists). */
export function formatMeValueLine(...args: Parameters<typeof formatMeValue>): string {
  const v = formatMeValue(...args);
  return Array.isArray(v) ? v.join('; ') : v;
}
