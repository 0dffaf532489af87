/**
 * Intl formats made once per language and options, and kept: making one costs far more than using it
 * (in Node, a new Intl.DateTimeFormat per date took 0.13 ms, a kept one ~0.005 ms), and a page formats
 * hundreds of numbers and dates while it first renders (a period's grid, a plan's activities). The
 * options come from the code (and a currency code from a plan), so the maps stay small.
 */
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numbers.set(key, format);
  }
  return format;
}

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dates.set(key, format);
  }
  return format;
}
