import { type ImportMapping, megabytes, ROUND_WORKBOOK_LIMITS, type UnplacedColumn } from '../../../shared';
import { AppError } from '../../lib/errors';
import { columnLetters, readSpreadsheet, type Sheet } from '../../lib/spreadsheet';
import { readAnswers } from './tracss-answers';
import { classificationColumns, readRoundClassification } from './tracss-classification';
import { matchColumnsByCode } from './tracss-code-columns';
import {
  findHeaderRow,
  type HeaderRow,
  type ImportProblem,
  matchColumns,
  type QuestionColumn,
  type RoundQuestion,
} from './tracss-columns';

// The steps of reading a TrACSS round's file, before anything is written: the workbook, its columns
// matched to the round's questions, and its rows read as answers. Problems are collected with their
// cell into the caller's list, then thrown all at once.

const MAX_PROBLEMS_LISTED = 200;

/** A file larger than the round workbook's limit is refused before it is read. */
export function checkRoundFileSize(file: { data: Buffer | Uint8Array; fileName: string }) {
  const limits = ROUND_WORKBOOK_LIMITS;
  if (file.data.byteLength > limits.fileBytes) {
    throw new AppError(413, `file: ${file.fileName} is larger than ${megabytes(limits.fileBytes)}`, {
      issue: 'file_too_large',
      issueParams: { max: megabytes(limits.fileBytes) },
    });
  }
}

/** A .csv, or the mapping's worksheet of an .xlsx (else its first), read within the round file's limits. */
export async function readRoundSheet(
  file: { data: Buffer | Uint8Array; fileName: string },
  mapping: ImportMapping,
) {
  const sheet = await readSpreadsheet(
    file.fileName,
    Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
    ROUND_WORKBOOK_LIMITS,
    (names) => (mapping.sheet ? names.find((n) => n === mapping.sheet) : names[0]),
  );
  if (!sheet) {
    throw new AppError(
      400,
      mapping.sheet
        ? `mapping.sheet: ${file.fileName} has no worksheet "${mapping.sheet}"`
        : `file: ${file.fileName} has no worksheet`,
    );
  }
  return sheet;
}

/** The file's columns placed: its header row, the question each column answers, and the columns skipped. */
export interface RoundColumns {
  header: HeaderRow;
  columns: QuestionColumn[];
  /** Columns of the file that hold no question: ignored on purpose, or headings without answers. */
  skipped: UnplacedColumn[];
}

/**
 * Finds the header row and matches its columns to the round's questions: by their header text, or —
 * layout `question-code` in the mapping, the 2025 export — by the question code each header starts with.
 */
export function mapRoundColumns(
  sheet: Sheet,
  mapping: ImportMapping,
  questions: RoundQuestion[],
  frameworkCode: string,
  problems: ImportProblem[],
): RoundColumns {
  const header = findHeaderRow(sheet, mapping);
  // The round's own WHO region and income group: read with the rows, never questions.
  const { regionCol, incomeCol } = classificationColumns(header, mapping);
  const placed = new Set([regionCol, incomeCol].filter((c): c is number => c !== null));
  const skipped: UnplacedColumn[] = [];
  const match = { header, placed, questions, mapping, frameworkCode, problems, skipped };
  const columns = mapping.layout === 'question-code' ? matchColumnsByCode(sheet, match) : matchColumns(match);
  return { header, columns, skipped };
}

/**
 * The country rows below the header: their answers as values of the period, and the round's
 * classification of each country. A file with a header but no country row is a problem too.
 */
export function readRoundRows(
  sheet: Sheet,
  { header, columns }: RoundColumns,
  periodId: number,
  resolveCountry: (name: string) => string | null,
  mapping: ImportMapping,
  problems: ImportProblem[],
) {
  const { values, rowOfCountry } = readAnswers(sheet, header, columns, periodId, resolveCountry, problems);
  const classes = readRoundClassification(sheet, header, rowOfCountry, mapping, problems);
  if (rowOfCountry.size === 0 && problems.length === 0) {
    problems.push({
      cell: `column ${columnLetters(header.countryCol)}`,
      message: 'no country rows below the header',
    });
  }
  return { values, rowOfCountry, classes };
}

/** Every problem found, each with its cell (the first 200): if there is any, nothing is imported. */
export function rejectProblems(problems: ImportProblem[], fileName: string) {
  if (problems.length > 0) {
    throw new AppError(422, `file: ${problems.length} problem(s) in ${fileName}; nothing was imported`, {
      issues: problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => ({ path: p.cell, message: p.message })),
    });
  }
}
