import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The TrACSS 2025 answers straight from the portal's export as shipped
 * (server/db/reference-data/tracss/tracss_2025_country_responses.csv), read here with csv-parse and a
 * few lines of our own — not with the importer — so that expected counts are made from the file.
 */
export const CSV_2025 = path.resolve(
  import.meta.dirname,
  '../../../server/db/reference-data/tracss/tracss_2025_country_responses.csv',
);
export const CSV_2025_BYTES = readFileSync(CSV_2025);
const rows = parse(CSV_2025_BYTES.toString('utf8'), { bom: true, relax_column_count: true }) as string[][];
export const HEADER_2025 = rows[0] as string[];
export const ROWS_2025 = rows.slice(1);

/** The 44 A–E questions of the round, as the file's headers number them. */
export const LEVEL_CODES_2025 = [
  ...['2.1', '2.3.a', '2.21', '2.22', '2.23'],
  ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.14', '3.15', '3.16', '3.17'],
  ...['4.1', '4.2', '4.3', '4.4', '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13', '4.14', '4.15'],
  ...['5.1', '5.3', '5.4.a', '5.4.b', '5.4.c', '5.4.d', '5.6.a', '5.7', '5.8', '5.9', '5.10', '5.11'],
  ...['6.1', '6.2', '6.3', '6.6'],
];

/** The column (0-based) whose header starts with the code, "_" or "." between its parts. */
export function columnOf(code: string): number {
  const i = HEADER_2025.findIndex((h) => h.replace(/_/g, '.').startsWith(`${code}.`));
  if (i < 0) throw new Error(`no column for ${code}`);
  return i;
}

const col = (name: string) => HEADER_2025.indexOf(name);
const REGION: Record<string, string> = {
  Africa: 'AFR',
  Americas: 'AMR',
  'Eastern Mediterranean': 'EMR',
  Europe: 'EUR',
  'South-East Asia': 'SEAR',
  'Western Pacific': 'WPR',
};

/** Each respondent's ISO3, and the WHO region and income group the file gives it. */
export const RESPONDENTS_2025 = ROWS_2025.map((r) => ({
  iso3: r[col('ISO3')] as string,
  region: REGION[r[col('WHO_Region')] as string] as string,
  income: (r[col('World_Bank_Income_Category')] ?? '').trim() || null,
  row: r,
}));

/** A country's answer to a question, trimmed. */
export function answer2025(iso3: string, code: string): string {
  const r = RESPONDENTS_2025.find((x) => x.iso3 === iso3);
  if (!r) throw new Error(`${iso3} did not answer`);
  return (r.row[columnOf(code)] ?? '').trim();
}

/** The letter an answer "C - wording" starts with, or null (blank, N/A). */
export const letterOf = (a: string) => /^([A-E]) -/.exec(a)?.[1] ?? null;

/** The A–E counts of a question among the respondents the file puts in a group. */
export function distribution2025(code: string, inGroup: (r: (typeof RESPONDENTS_2025)[number]) => boolean) {
  const d: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  const c = columnOf(code);
  for (const r of RESPONDENTS_2025) {
    const l = letterOf((r.row[c] ?? '').trim());
    if (l && inGroup(r)) d[l] = (d[l] ?? 0) + 1;
  }
  return d;
}

/** The file as CSV text again: its header and the given rows (quoted where needed), with a BOM. */
export function csvOf(header: readonly string[], body: readonly (readonly string[])[]): Buffer {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header, ...body].map((r) => r.map(cell).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
