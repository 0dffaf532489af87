import type { PlanTarget } from '../../../shared';
import type { Locale } from '../../../shared/i18n/locale';
import { asciiDigits, formatInputNumber, parseLocaleNumber } from '../../../shared/i18n/number';

/**
 * "B" → a level, "42,5" (French) → a value, "" → nothing: one input serves numbers, written as in the
 * interface language, and A–E levels. Unreadable text comes back as NaN, so the shared schema names
 * the field.
 */
export function amountOf(text: string | null, locale: Locale): { value?: number; level?: string } | null {
  if (text === null) return null;
  const t = text.trim();
  if (/^[A-Ea-e]$/.test(t)) return { level: t.toUpperCase() };
  const parsed = parseLocaleNumber(t, locale);
  return { value: parsed.ok ? parsed.value : Number.NaN };
}

/**
 * Targets typed as "2020: 40; 2022: 60,5" (or one per line; levels as "2022: D"). A comma separates
 * targets only when a year follows it ("2020: 40, 2022: 60"), so that it stays a decimal comma in
 * French and Spanish. Unreadable parts come back as a target with a NaN value, so the shared schema
 * names the entry.
 */
export function parseTargets(
  text: string | null,
  locale: Locale,
): { year: number; value?: number; level?: string }[] {
  if (!text) return [];
  return asciiDigits(text)
    .split(/[;\n؛]+|,(?=\s*\d{4}\s*[:=])/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [year, amount] = part.split(/\s*[:=]\s*/);
      return { year: Number(year), ...(amountOf(amount ?? '', locale) ?? {}) };
    });
}

/** An amount as the plan forms show it for editing: a level, or the number in the interface language. */
export function amountText(a: { value: number | null; level: string | null }, locale: Locale): string {
  if (a.level) return a.level;
  return a.value === null ? '' : formatInputNumber(a.value, locale);
}

export function targetsText(targets: readonly PlanTarget[], locale: Locale): string {
  return targets.map((t) => `${t.year}: ${amountText(t, locale)}`).join('; ');
}
