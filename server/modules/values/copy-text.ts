/**
 * PostgreSQL COPY text format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2):
 * fields separated by tabs, rows by newlines, `\N` for null; a backslash, tab, newline or carriage
 * return inside a field is written as a backslash sequence so it cannot end the field or the row.
 */

export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A character no Postgres text can hold (NUL), or half of a surrogate pair, which encoding to UTF-8
 * would silently turn into U+FFFD: refused, as the JSON the importers sent before was refused by
 * Postgres, rather than stored changed.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export class UnsendableTextError extends RangeError {}

/** A text field (null as `\N`), escaped for COPY text format. */
export function copyText(s: string | null | undefined): string {
  if (s === null || s === undefined) return COPY_NULL;
  if (s.includes('\u0000') || LONE_SURROGATE.test(s)) {
    throw new UnsendableTextError(`text holds a character Postgres cannot store: ${JSON.stringify(s)}`);
  }
  return s.replace(SPECIAL, (c) => ESCAPES[c] as string);
}

/** A number field: non-finite numbers as null, as JSON (the importers' earlier path) stored them. */
export function copyNumber(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? COPY_NULL : String(n);
}

/** A text[] field: the array literal (each element double-quoted, `\` and `"` escaped), then the field escaped. */
export function copyTextArray(xs: readonly (string | null)[] | null | undefined): string {
  if (xs === null || xs === undefined) return COPY_NULL;
  const elements = xs.map((x) => (x === null ? 'NULL' : `"${x.replace(/[\\"]/g, '\\$&')}"`));
  return copyText(`{${elements.join(',')}}`);
}
