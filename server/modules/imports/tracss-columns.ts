import type { ImportMapping, UnplacedColumn } from '../../../shared';
import type { StoredChoiceOption } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { cellAddress, columnLetters, type Sheet } from '../../lib/spreadsheet';

export interface ImportProblem {
  /** Spreadsheet cell (e.g. "E14") or column (e.g. "column H") the problem is in. */
  cell: string;
  message: string;
}

/** A question of the round, as the importer needs it. */
export interface RoundQuestion {
  id: number;
  code: string;
  /** The code printed in the file, shared by a question's sub-items (2.24 for 2.24-1 … 2.24-7). */
  questionCode: string | null;
  measureType: string;
  sourceColumn: string | null;
  options: StoredChoiceOption[] | null;
}

export interface QuestionColumn {
  col: number;
  question: RoundQuestion;
  /** A multiple choice answered in one column per option: each option's column. */
  optionColumns?: { col: number; code: string }[];
}

/** The header row as the importer reads it: its cells, the country column, and the ISO3 column if any. */
export interface HeaderRow {
  row: number;
  cells: string[];
  countryCol: number;
  iso3Col: number | null;
}

/** A column the importer leaves out, with why (listed in the result). */
export const unplaced = (col: number, header: string, reason: UnplacedColumn['reason']): UnplacedColumn => ({
  column: columnLetters(col),
  header: header.slice(0, 300),
  reason,
});

export const normaliseHeader = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The text of a cell (1-based column) as the importer compares it: trimmed. */
export const cellOf = (cells: readonly string[], col: number) => (cells[col - 1] ?? '').trim();

/** The non-empty cells of a row, with their 1-based column, left to right. */
export function filledCells(cells: readonly string[]) {
  return cells.flatMap((c, i) => (c.trim() ? [{ col: i + 1, text: c.trim() }] : []));
}

/**
 * The header row: the mapping's, else the first of the first 20 rows with the country column
 * ("Country name" or "Country", or the mapping's `countryColumn`); with the ISO3 column (the mapping's
 * `iso3Column`, else one headed "ISO3") when the file has one.
 */
export function findHeaderRow(sheet: Sheet, mapping: ImportMapping): HeaderRow {
  const countryHeader = mapping.countryColumn ? normaliseHeader(mapping.countryColumn) : null;
  const isCountryHeader = (text: string) =>
    countryHeader ? normaliseHeader(text) === countryHeader : /^country( name)?$/i.test(text);
  const first = mapping.headerRow ?? 1;
  const last = mapping.headerRow ?? 20;
  for (const { row, cells } of sheet.rows) {
    if (row < first || row > last) continue;
    const country = filledCells(cells).find((c) => isCountryHeader(c.text));
    if (!country) continue;
    const iso3Header = normaliseHeader(mapping.iso3Column ?? 'ISO3');
    const iso3 = filledCells(cells).find(
      (c) => c.col !== country.col && normaliseHeader(c.text) === iso3Header,
    );
    if (mapping.iso3Column && !iso3)
      throw new AppError(400, `mapping.iso3Column: no column "${mapping.iso3Column}" in row ${row}`);
    return { row, cells, countryCol: country.col, iso3Col: iso3?.col ?? null };
  }
  const what = `a "${mapping.countryColumn ?? 'Country name'}" column`;
  const where = mapping.headerRow ? `row ${mapping.headerRow}` : 'the first 20 rows';
  throw new AppError(400, `file: no header row with ${what} in ${where} of sheet "${sheet.name}"`);
}

/** What both column matchers (by header text here, by question code in tracss-code-columns.ts) work on. */
export interface ColumnMatch {
  header: HeaderRow;
  /** Columns already placed before matching (the round's classification columns). */
  placed: ReadonlySet<number>;
  questions: RoundQuestion[];
  mapping: ImportMapping;
  frameworkCode: string;
  /** Where a matcher reports a header cell it cannot place. */
  problems: ImportProblem[];
  /** Where a matcher lists the columns it leaves out on purpose. */
  skipped: UnplacedColumn[];
}

/** The columns no question can take: the country, the ISO3 column and those placed already. */
export function reservedColumns({ header, placed }: ColumnMatch): Set<number> {
  const reserved = new Set<number>([header.countryCol, ...placed]);
  if (header.iso3Col) reserved.add(header.iso3Col);
  return reserved;
}

/** The mapping's `columns`, by normalised header: the question code each names. */
export const mappedCodes = (mapping: ImportMapping): Map<string, string> =>
  new Map(Object.entries(mapping.columns).map(([h, code]) => [normaliseHeader(h), code]));

/** Columns the portal adds that are not questions (region, income group, codes). */
const IGNORED_BY_DEFAULT = /^(who region|world bank( income)? classification|income group|iso3?|region)$/i;

/** Whether a header is one the importer skips on purpose: the portal's own, or listed by the mapping. */
export function ignoredHeader(mapping: ImportMapping): (header: string) => boolean {
  const byMapping = new Set(mapping.ignoreColumns.map(normaliseHeader));
  return (h) => IGNORED_BY_DEFAULT.test(h.replace(/_/g, ' ')) || byMapping.has(normaliseHeader(h));
}

/**
 * Matches each header cell to a question of the round: through the mapping's `columns` when it
 * names the header, else by the question's source column text. A header that matches nothing, or
 * a question in two columns, is a problem of that header cell.
 */
export function matchColumns(m: ColumnMatch): QuestionColumn[] {
  const { header, questions, mapping, frameworkCode, problems, skipped } = m;
  const byHeader = new Map(
    questions.filter((q) => q.sourceColumn).map((q) => [normaliseHeader(q.sourceColumn ?? ''), q]),
  );
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const mapped = mappedCodes(mapping);
  const ignored = ignoredHeader(mapping);
  const reserved = reservedColumns(m);
  const columns: QuestionColumn[] = [];
  const matched = new Set<number>();
  for (const { col, text: title } of filledCells(header.cells)) {
    if (reserved.has(col)) continue;
    if (ignored(title)) {
      skipped.push(unplaced(col, title, 'ignored'));
      continue;
    }
    const cell = cellAddress(header.row, col);
    const mappedCode = mapped.get(normaliseHeader(title));
    const q = mappedCode === undefined ? byHeader.get(normaliseHeader(title)) : byCode.get(mappedCode);
    if (mappedCode !== undefined && !q) {
      problems.push({
        cell,
        message: `the mapping sends "${title.slice(0, 120)}" to question ${mappedCode}, which ${frameworkCode} does not have`,
      });
    } else if (!q) {
      problems.push({
        cell,
        message: `column header "${title.slice(0, 120)}" matches no question of ${frameworkCode}`,
      });
    } else if (matched.has(q.id)) {
      problems.push({ cell, message: `question ${q.code} appears in more than one column` });
    } else {
      matched.add(q.id);
      columns.push({ col, question: q });
    }
  }
  return columns;
}

/** Questions the round expects in a column (by source text or mapping) that the file lacks. */
export function missingColumns(
  questions: RoundQuestion[],
  columns: QuestionColumn[],
  mapping: ImportMapping,
) {
  const matched = new Set(columns.map((c) => c.question.id));
  const mappedCodes = new Set(Object.values(mapping.columns));
  return questions
    .filter((q) => !matched.has(q.id) && (q.sourceColumn || mappedCodes.has(q.code)))
    .map((q) => q.code);
}
