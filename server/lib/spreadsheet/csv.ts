import { parse } from 'csv-parse/sync';
import { AppError } from '../errors';

/**
 * RFC 4180 CSV through csv-parse: quoted fields with "" and line breaks inside, CRLF, LF or CR line
 * ends (mixed too), a UTF-8 byte order mark dropped, rows of any length. A quote inside an
 * unquoted field is kept as a character (`5" screen`), as spreadsheets read it.
 */
const OPTIONS = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** The records of a CSV text; with `maxRecords`, parsing stops after that many. */
export function parseCsv(text: string, opts: { maxRecords?: number; fileName?: string } = {}): string[][] {
  try {
    return parse(text, { ...OPTIONS, ...(opts.maxRecords ? { to: opts.maxRecords } : {}) });
  } catch (e) {
    // An unclosed quote, the one error left with these options: csv-parse names the line.
    throw new AppError(400, `file: ${opts.fileName ?? 'the CSV'}: ${(e as Error).message}`);
  }
}

/** CSV with a header row as records keyed by column name; blank lines are skipped. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
