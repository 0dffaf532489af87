import { cellAddress, type Sheet } from '../../lib/spreadsheet';
import {
  type ColumnMatch,
  filledCells,
  type ImportProblem,
  ignoredHeader,
  mappedCodes,
  normaliseHeader,
  type QuestionColumn,
  type RoundQuestion,
  reservedColumns,
  unplaced,
} from './tracss-columns';
import { questionCodeOf, sameHeader } from './tracss-text';

interface Column {
  col: number;
  header: string;
  /** The code of the nearest coded column at or left of this one (its question block). */
  block: string | null;
}

/** Columns with at least one answer below the header row. */
function answeredColumns(sheet: Sheet, headerRow: number): Set<number> {
  const cols = new Set<number>();
  for (const { row, cells } of sheet.rows) {
    if (row <= headerRow) continue;
    cells.forEach((c, i) => {
      if (c.trim() !== '') cols.add(i + 1);
    });
  }
  return cols;
}

/**
 * Places the columns of a file laid out by question code (the TrACSS 2025 export): a header that
 * starts with a code ("2.1_Multi…", "4.5_a_Do…") is the column of the question with that code; a
 * column without a code belongs to the coded column left of it — a sub-question's column (2.24-1
 * "Human_Health" under 2.24) or an option of a multiple choice ("Plant_health" under 2.2) — and is
 * found there by its header, the first not yet taken. Every other column is ignored on purpose (the
 * mapping's `ignoreColumns`, the portal's region columns), a heading (no question and no answer in
 * any row), or a problem of its header cell: it holds answers that no question of the round takes.
 */
export function matchColumnsByCode(sheet: Sheet, m: ColumnMatch): QuestionColumn[] {
  const { header, placed: placedAlready, questions, mapping, frameworkCode, problems, skipped } = m;
  let block: string | null = null;
  const columns: Column[] = filledCells(header.cells).map(({ col, text }) => {
    block = questionCodeOf(text) ?? block;
    return { col, header: text, block };
  });
  const taken = reservedColumns(m);
  const ignored = ignoredHeader(mapping);
  for (const c of columns) if (!taken.has(c.col) && ignored(c.header)) taken.add(c.col);

  const byMapping = mappedCodes(mapping);
  const take = (c: Column | undefined) => {
    if (c) taken.add(c.col);
    return c;
  };
  const result: QuestionColumn[] = [];
  for (const q of [...questions].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))) {
    const mapped = columns.find(
      (c) => !taken.has(c.col) && byMapping.get(normaliseHeader(c.header)) === q.code,
    );
    const own = take(mapped ?? ownColumn(q, columns, taken, problems, header.row));
    if (!own) continue;
    const qc: QuestionColumn = { col: own.col, question: q };
    const optionSources = (q.options ?? []).filter((o) => o.sourceColumn);
    if (optionSources.length > 0) {
      qc.optionColumns = [];
      for (const o of optionSources) {
        const c = take(
          columns.find(
            (x) =>
              x.col > own.col &&
              x.block === own.block &&
              !taken.has(x.col) &&
              sameHeader(x.header, o.sourceColumn ?? ''),
          ),
        );
        if (c) qc.optionColumns.push({ col: c.col, code: o.code });
        else
          problems.push({
            cell: cellAddress(header.row, own.col),
            message: `question ${q.code}: no column "${(o.sourceColumn ?? '').slice(0, 80)}" for its option "${o.label.slice(0, 80)}" after this one`,
          });
      }
    }
    result.push(qc);
  }

  const answered = answeredColumns(sheet, header.row);
  for (const c of columns) {
    if (taken.has(c.col)) {
      if (ignored(c.header) && c.col !== header.iso3Col && !placedAlready.has(c.col))
        skipped.push(unplaced(c.col, c.header, 'ignored'));
      continue;
    }
    if (!answered.has(c.col)) skipped.push(unplaced(c.col, c.header, 'heading'));
    else
      problems.push({
        cell: cellAddress(header.row, c.col),
        message: `column "${c.header.slice(0, 120)}" holds answers but matches no question of ${frameworkCode}${c.block ? ` (it follows the column of question ${c.block})` : ''}`,
      });
  }
  return result.sort((a, b) => a.col - b.col);
}

/**
 * A question's own column: by its code when its source header starts with one, else by its source
 * header among the columns of its question block (its printed code), the first not yet taken.
 */
function ownColumn(
  q: RoundQuestion,
  columns: Column[],
  taken: ReadonlySet<number>,
  problems: ImportProblem[],
  headerRow: number,
): Column | undefined {
  const source = q.sourceColumn ?? '';
  const code = questionCodeOf(source);
  if (code || !source) {
    const wanted = code ?? q.code;
    const found = columns.filter((c) => questionCodeOf(c.header) === wanted);
    if (found.length > 1)
      problems.push({
        cell: cellAddress(headerRow, found[1]?.col ?? 0),
        message: `question ${wanted} appears in more than one column`,
      });
    return found.find((c) => !taken.has(c.col));
  }
  return columns.find(
    (c) => c.block === (q.questionCode ?? q.code) && !taken.has(c.col) && sameHeader(c.header, source),
  );
}
