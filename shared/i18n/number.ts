import { numberFormat } from './intl-formats';
import type { Locale } from './locale';

/*
 * Numbers as people write them in each interface language, read back into JSON numbers. No zod and
 * no DOM here: the data-entry grid uses this on its first page, the server reads uploads with it.
 * Display goes the other way with Intl.NumberFormat (client/i18n/format.ts, formatInputNumber below).
 *
 * The rule is "never guess": a string that reads as two different numbers (fr "1.234": 1234 with a
 * dot grouping thousands, or 1.234 with an English decimal point) is refused with the two readings,
 * so that a factor of 1000 never slips into a country's report.
 */

/** Why a text is not a number (the client words each in the interface language). */
export type NumberProblem =
  | 'empty'
  | 'not_a_number'
  | 'ambiguous'
  | 'decimal_separator'
  | 'several_decimals'
  | 'grouping';

export type ParsedNumber =
  | { ok: true; value: number }
  | {
      ok: false;
      problem: NumberProblem;
      /** In English, naming the text: what the API and upload dry runs say. */
      message: string;
      /** What the message is made of, for a translated message. */
      params: {
        text: string;
        /** The language's decimal separator. */
        decimal: string;
        /** How to write it (ambiguous: as a whole number; decimal_separator: with the right separator). */
        suggestion?: string;
        /** Ambiguous: the other reading, as a decimal number. */
        alternative?: string;
      };
    };

/** What a separator is in a language: decimal, thousands, or either (then the digits around it decide). */
type Role = 'decimal' | 'group' | 'either';

const SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009']);
const ARABIC_DECIMAL = '\u066B';
const ARABIC_GROUP = '\u066C';
/** Direction marks Intl puts around numbers in Arabic (LRM, RLM, ALM, embeddings, isolates). */
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const MINUS = /^[-\u2212]/;

/** The decimal separator people type in each language (Arabic also takes "." and ","). */
export const DECIMAL_SEPARATOR: Record<Locale, string> = { en: '.', fr: ',', es: ',', ar: ARABIC_DECIMAL };
const LANGUAGE: Record<Locale, string> = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' };

function roleOf(ch: string, locale: Locale): Role | undefined {
  if (SPACES.has(ch) || ch === ARABIC_GROUP) return 'group';
  if (ch === ARABIC_DECIMAL) return 'decimal';
  if (ch !== '.' && ch !== ',') return undefined;
  if (locale === 'ar') return 'either';
  if (locale === 'en') return ch === '.' ? 'decimal' : 'group';
  // French and Spanish: "1.234.567" and "1.234,5" group thousands with it, "45.5" (a CSV export) can
  // only be a decimal point, "1.234" could be either and is refused.
  return ch === ',' ? 'decimal' : 'either';
}

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as 0–9. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c - (c >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** Thousands groups: 1–3 digits, then groups of exactly three. */
const validGroups = (chunks: string[]) =>
  chunks.length > 0 &&
  /^\d{1,3}$/.test(chunks[0] ?? '') &&
  !(chunks.length > 1 && chunks[0] === '0') &&
  chunks.slice(1).every((c) => /^\d{3}$/.test(c));

/**
 * A number as typed in `locale`: the language's decimal separator (comma in French and Spanish, point
 * in English, ٫ and also "." or "," in Arabic), thousands separators (spaces, including the no-break
 * and narrow no-break spaces; "," in English; Arabic ٬; "." in French and Spanish when it cannot be a
 * decimal point), Arabic-Indic digits, a leading minus (- or −). Anything ambiguous or malformed is
 * refused with the reason. A "." or "," that could be either separator is read by the digits around
 * it: a decimal separator unless it is followed by exactly three digits and nothing else says which.
 */
export function parseLocaleNumber(input: string, locale: Locale): ParsedNumber {
  const text = input.replace(BIDI_MARKS, '').trim();
  const decimal = DECIMAL_SEPARATOR[locale];
  const fail = (
    problem: NumberProblem,
    message: string,
    extra: { suggestion?: string; alternative?: string } = {},
  ) => ({ ok: false, problem, message, params: { text, decimal, ...extra } }) as const;
  if (text === '') return fail('empty', 'is empty');
  const negative = MINUS.test(text);
  const sign = negative ? '-' : '';
  const body = asciiDigits(negative ? text.slice(1) : text);
  const notANumber = fail('not_a_number', `"${text}" is not a number`);

  // Digits and single separators between them (".5" may start with its decimal point).
  const tokens = body.match(/\d+|\D/g) ?? [];
  const seps: { ch: string; role: Role; at: number }[] = [];
  for (const [at, tok] of tokens.entries()) {
    if (/^\d/.test(tok)) continue;
    const role = roleOf(tok, locale);
    const prevIsSep = at > 0 && !/^\d/.test(tokens[at - 1] ?? '');
    if (!role || prevIsSep || at === tokens.length - 1) return notANumber;
    seps.push({ ch: SPACES.has(tok) ? ' ' : tok, role, at });
  }
  if (tokens.length === 0) return notANumber;

  const count = (ch: string) => seps.filter((s) => s.ch === ch).length;
  const last = seps.at(-1);
  let decimalAt: number | undefined;
  const decimals = seps.filter((s) => s.role === 'decimal');
  if (decimals.length > 1) return fail('several_decimals', `"${text}" has more than one decimal separator`);
  if (decimals.length === 1) {
    if (!last || decimals[0] !== last) return notANumber;
    decimalAt = last.at;
  } else if (last && last.role !== 'group' && count(last.ch) === 1) {
    // A lone "." (French, Spanish) or "." / "," (Arabic) after 1–3 digits, then exactly three: 1234 or 1.234?
    const whole = sign + (tokens.slice(0, last.at).join('') || '0').replace(/\D/g, '');
    const fraction = tokens[last.at + 1] ?? '';
    if (seps.length === 1 && last.at === 1 && validGroups([tokens[0] ?? '', fraction])) {
      return fail(
        'ambiguous',
        `"${text}" is ambiguous: write ${whole}${fraction} for the whole number, or ${whole}${decimal}${fraction}`,
        { suggestion: `${whole}${fraction}`, alternative: `${whole}${decimal}${fraction}` },
      );
    }
    // Otherwise it cannot be grouping thousands (45.5, 0.125, 1 234.5): a decimal separator.
    decimalAt = last.at;
  }

  const groups = seps.filter((s) => s.at !== decimalAt);
  const intTokens = tokens.slice(0, decimalAt ?? tokens.length);
  const chunks = intTokens.filter((t) => /^\d/.test(t));
  if (groups.length > 0) {
    const mixed = groups.some((g) => g.ch !== groups[0]?.ch);
    if (mixed || !validGroups(chunks)) {
      // "45,5" in English: a decimal comma where the language groups thousands with it.
      if (seps.length === 1 && (last?.ch === ',' || last?.ch === '.'))
        return fail(
          'decimal_separator',
          `"${text}": in ${LANGUAGE[locale]} the decimal separator is "${decimal}" (${sign}${chunks[0] ?? ''}${decimal}${tokens.at(-1) ?? ''})`,
          { suggestion: `${sign}${chunks[0] ?? ''}${decimal}${tokens.at(-1) ?? ''}` },
        );
      return fail('grouping', `"${text}": thousands separators must be followed by exactly three digits`);
    }
  }
  const whole = chunks.join('') || '0';
  const fraction = decimalAt === undefined ? '' : (tokens[decimalAt + 1] ?? '');
  const value = Number(fraction ? `${whole}.${fraction}` : whole);
  if (!Number.isFinite(value)) return notANumber;
  // -0 is 0.
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * A number as an input shows it for editing in `locale`: the language's digits and decimal
 * separator, no thousands separators (so that it reads back unchanged), every significant digit.
 */
export function formatInputNumber(value: number, locale: Locale): string {
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 })
    .format(value === 0 ? 0 : value)
    .replace(BIDI_MARKS, '');
}

/**
 * An amount of money in `locale`: English keeps the reports' "USD 642,800"; French and Spanish put the
 * ISO code after the number in their notation ("642 800 USD", "642.800 USD"); Arabic names the
 * currency ("642,800 دولار أمريكي"), never "US$"/"$US", whose Latin letters and symbol break up an
 * Arabic line. Whole amounts show no decimals. A code Intl does not know is written before the number.
 */
export function formatMoney(amount: number, currency: string | null, locale: Locale): string {
  const plain = numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  if (!currency) return plain;
  if (locale === 'en' || !/^[A-Za-z]{3}$/.test(currency)) return `${currency} ${plain}`;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: locale === 'ar' ? 'name' : 'code',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}
