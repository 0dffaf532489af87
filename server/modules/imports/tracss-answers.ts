import { parseLevel } from '../../../shared';
import { cellAddress, type Sheet } from '../../lib/spreadsheet';
import type { NewValue } from '../values/bulk-insert';
import { cellOf, type ImportProblem, type QuestionColumn } from './tracss-columns';

/** How the portal's files write "not applicable" (N/A, NA, Na, Not applicable). */
const NOT_APPLICABLE = /^(n\/?a|not applicable)$/i;
const MAX_ANSWER_LENGTH = 10_000;

/**
 * One answer cell as a value of the period, or the problem with it: "N/A" is not applicable; a
 * level question takes A–E; a yes/no question Yes, No or Don't know (no data); text is kept as is.
 */
function answerValue(
  text: string,
  question: QuestionColumn['question'],
  base: Pick<NewValue, 'countryIso3' | 'indicatorId' | 'periodId'>,
): NewValue | string {
  const v: NewValue = { ...base, status: 'reported', level: null, numericValue: null, textValue: text };
  if (NOT_APPLICABLE.test(text)) {
    v.status = 'not_applicable';
  } else if (question.measureType === 'level') {
    const level = parseLevel(text);
    if (!level) return `question ${question.code}: "${text.slice(0, 60)}" is not a level A–E`;
    v.level = level;
  } else if (question.measureType === 'yes_no') {
    if (/^yes$/i.test(text)) v.numericValue = 1;
    else if (/^no$/i.test(text)) v.numericValue = 0;
    else if (/^don'?t know$/i.test(text.replace('’', "'"))) v.status = 'no_data';
    else return `question ${question.code}: "${text.slice(0, 60)}" is not Yes, No or Don't Know`;
  }
  if (text.length > MAX_ANSWER_LENGTH)
    return `question ${question.code}: answer longer than 10,000 characters`;
  return v;
}

/**
 * The country rows below the header: each country once, known by one of its names, with its
 * answers in the question columns. Problems are collected with their cell, not thrown.
 */
export function readAnswers(
  sheet: Sheet,
  header: { row: number; countryCol: number },
  columns: QuestionColumn[],
  periodId: number,
  resolveCountry: (name: string) => string | null | undefined,
  problems: ImportProblem[],
) {
  const values: NewValue[] = [];
  const rowOfCountry = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    if (row <= header.row) continue;
    const countryCell = cellAddress(row, header.countryCol);
    const name = cellOf(cells, header.countryCol);
    if (!name) {
      if (columns.some(({ col }) => cellOf(cells, col) !== ''))
        problems.push({ cell: countryCell, message: 'country name is empty but the row has answers' });
      continue;
    }
    const iso3 = resolveCountry(name);
    if (!iso3) {
      problems.push({ cell: countryCell, message: `unknown country "${name.slice(0, 80)}"` });
      continue;
    }
    const firstRow = rowOfCountry.get(iso3);
    if (firstRow !== undefined) {
      problems.push({ cell: countryCell, message: `${name} (${iso3}) already answered in row ${firstRow}` });
      continue;
    }
    rowOfCountry.set(iso3, row);
    for (const { col, question } of columns) {
      const text = cellOf(cells, col);
      if (!text) continue;
      const v = answerValue(text, question, { countryIso3: iso3, indicatorId: question.id, periodId });
      if (typeof v === 'string') problems.push({ cell: cellAddress(row, col), message: v });
      else values.push(v);
    }
  }
  return { values, rowOfCountry };
}
