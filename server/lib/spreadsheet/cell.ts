/**
 * The one cell reader of the app: the text of a worksheet cell as it was stored in the file
 * (SpreadsheetML, ECMA-376 part 1, 18.3.1.4 `c`), not as a spreadsheet formats it for display.
 */
export interface RawCell {
  /** The `t` attribute: s (shared string), inlineStr, str (formula text), b, e, n (default), d. */
  type: string | undefined;
  /** The text of `<v>`: a number, a shared-string index, a formula's cached result … */
  value: string;
  /** The text runs of an inline string `<is>`. */
  inline: string;
}

export function cellText(cell: RawCell, sharedStrings: readonly string[]): string {
  switch (cell.type) {
    case 's':
      return sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'b':
      return cell.value === '1' ? 'yes' : cell.value === '0' ? 'no' : '';
    case 'str':
    case 'e':
    case 'd':
      return cell.value;
    default: {
      // A number as JavaScript writes it (1E-3 → 0.001), as exceljs gave it before.
      if (cell.value === '') return '';
      const n = Number(cell.value);
      return Number.isFinite(n) ? String(n) : cell.value;
    }
  }
}

/**
 * Whether the file stores the cell as a number (not as text that looks like one): a number is the
 * same in every language, while text such as "45,5" is read in the language of the upload.
 */
export function isNumberCell(cell: RawCell): boolean {
  return (
    (cell.type === undefined || cell.type === 'n') && cell.value !== '' && Number.isFinite(Number(cell.value))
  );
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** AA → 27; 0 for anything that is not a column. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return 0;
    n = n * 26 + c;
  }
  return n;
}

export const cellAddress = (row: number, column: number) => `${columnLetters(column)}${row}`;
