/**
 * How the portal's files write question codes and wordings. The same rules derive the 2025 question
 * list (scripts/tracss-2025-questions.mjs), so an answer and the option it stands for compare equal.
 */

const CODE = /^(\d+(?:[._ ]+(?:\d+|[a-z](?=[._ ]|$)))*)/;

/**
 * The question code a header starts with, dots for the separators the export used: "2.1_Multi…" →
 * "2.1", "4.5_a_Do you…" → "4.5.a", "5.6.a_-_Reporting…" → "5.6.a", "3.6__Coverage…" → "3.6"; null
 * when the header starts with no number.
 */
export function questionCodeOf(header: string): string | null {
  const m = CODE.exec(header.trim());
  return m?.[1] ? m[1].replace(/[._ ]+/g, '.').replace(/\.$/, '') : null;
}

/**
 * A wording without the questionnaire's footnote marks (†, ‡, *, §, superscript digits, a "+" glued
 * to a word), without the space a mark stood after, and with runs of spaces made one.
 */
export function cleanWording(s: string): string {
  return s
    .replace(/\s*[†‡*§¶⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=[\s,.;:)]|$)/g, '')
    .replace(/[†‡*§¶⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')
    .replace(/(?<=[a-z])\+(?=\s)/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** A wording as compared: clean, case-insensitive. */
export const comparable = (s: string) => cleanWording(s).toLowerCase();

/** A header as compared: underscores as spaces, runs of spaces one, case-insensitive. */
export const headerKey = (s: string) => s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Two headers name the same column: equal, or — exports cut long headers — one the start of the
 * other when the shorter still has 40 characters.
 */
export function sameHeader(a: string, b: string): boolean {
  const x = headerKey(a);
  const y = headerKey(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 40 && long.startsWith(short);
}
