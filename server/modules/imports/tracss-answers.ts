import { parseLevel } from '../../../shared';
import { cellAddress, type Sheet } from '../../lib/spreadsheet';
import type { NewValue } from '../values/bulk-insert-repository';
import { choiceLabels, choicesInCell, singleChoice } from './tracss-choices';
import { cellOf, type HeaderRow, type ImportProblem, type QuestionColumn } from './tracss-columns';

/** How the portal's files write "not applicable" (N/A, NA, Na, Not applicable). */
const NOT_APPLICABLE = /^(n\/?a|not applicable)$/i;
const MAX_ANSWER_LENGTH = 10_000;
const NUMBER = /^-?\d+(\.\d+)?$/;

type Base = Pick<NewValue, 'countryIso3' | 'indicatorId' | 'periodId'>;

/**
 * One answer cell as a value of the period, or the problem with it: "N/A" is not applicable; a
 * level question takes A–E; a yes/no question Yes, No or (I) Don't know (no data); a number a
 * number; a single choice one of its options, a multiple choice written in one cell its options
 * separated by commas; text is kept as is. The answer as given stays in `textValue`.
 */
function answerValue(text: string, question: QuestionColumn['question'], base: Base): NewValue | string {
  const v: NewValue = { ...base, status: 'reported', level: null, numericValue: null, textValue: text };
  const q = question;
  if (text.length > MAX_ANSWER_LENGTH) return `question ${q.code}: answer longer than 10,000 characters`;
  if (NOT_APPLICABLE.test(text)) {
    v.status = 'not_applicable';
  } else if (q.measureType === 'level') {
    const level = parseLevel(text);
    if (!level) return `question ${q.code}: "${text.slice(0, 60)}" is not a level A–E`;
    v.level = level;
  } else if (q.measureType === 'yes_no') {
    if (/^yes$/i.test(text)) v.numericValue = 1;
    else if (/^no$/i.test(text)) v.numericValue = 0;
    else if (/^(i )?don'?t know$/i.test(text.replace('’', "'"))) v.status = 'no_data';
    else return `question ${q.code}: "${text.slice(0, 60)}" is not Yes, No or Don't Know`;
  } else if (q.measureType === 'number') {
    if (!NUMBER.test(text)) return `question ${q.code}: "${text.slice(0, 60)}" is not a number`;
    v.numericValue = Number(text);
  } else if (q.measureType === 'single_choice') {
    const option = singleChoice(text, q.options ?? []);
    if (!option) return `question ${q.code}: "${text.slice(0, 60)}" is none of its options`;
    v.choices = [option.code];
  } else if (q.measureType === 'multiple_choice') {
    const codes = choicesInCell(text, q.options ?? []);
    if (!codes) return `question ${q.code}: "${text.slice(0, 60)}" is not a list of its options`;
    v.choices = codes;
  }
  return v;
}

/**
 * A multiple choice answered in one column per option (Yes / No / N/A): the options answered Yes.
 * Blank in every option column: no answer; N/A in every answered one: not applicable. The chosen
 * options' wording, joined, is the value's text.
 */
function optionColumnsValue(
  row: number,
  cells: readonly string[],
  qc: QuestionColumn & { optionColumns: { col: number; code: string }[] },
  base: Base,
  problems: ImportProblem[],
): NewValue | null {
  const answers = qc.optionColumns.map((o) => ({ ...o, text: cellOf(cells, o.col) }));
  const given = answers.filter((a) => a.text !== '');
  if (given.length === 0) return null;
  if (given.every((a) => NOT_APPLICABLE.test(a.text)))
    return { ...base, status: 'not_applicable', textValue: given[0]?.text ?? null, choices: null };
  const chosen: string[] = [];
  for (const a of given) {
    if (/^yes$/i.test(a.text)) chosen.push(a.code);
    else if (!/^no$/i.test(a.text) && !NOT_APPLICABLE.test(a.text))
      problems.push({
        cell: cellAddress(row, a.col),
        message: `question ${qc.question.code}: "${a.text.slice(0, 60)}" is not Yes or No`,
      });
  }
  const options = qc.question.options ?? [];
  return { ...base, status: 'reported', choices: chosen, textValue: choiceLabels(chosen, options) || null };
}

/**
 * The country rows below the header: each country once, known by its ISO3 code where the file has
 * one, else by one of its names, with its answers in the question columns. Problems are collected
 * with their cell, not thrown.
 */
export function readAnswers(
  sheet: Sheet,
  header: HeaderRow,
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
    const code = header.iso3Col ? cellOf(cells, header.iso3Col) : '';
    if (!name && !code) {
      const answerCols = columns.flatMap((qc) => [qc.col, ...(qc.optionColumns ?? []).map((o) => o.col)]);
      if (answerCols.some((col) => cellOf(cells, col) !== ''))
        problems.push({ cell: countryCell, message: 'country name is empty but the row has answers' });
      continue;
    }
    const iso3 = resolveCountry(code || name);
    if (!iso3 || (code && iso3 !== code.toUpperCase())) {
      problems.push(
        code && header.iso3Col
          ? { cell: cellAddress(row, header.iso3Col), message: `unknown ISO3 code "${code.slice(0, 10)}"` }
          : { cell: countryCell, message: `unknown country "${name.slice(0, 80)}"` },
      );
      continue;
    }
    const firstRow = rowOfCountry.get(iso3);
    if (firstRow !== undefined) {
      problems.push({
        cell: countryCell,
        message: `${name || code} (${iso3}) already answered in row ${firstRow}`,
      });
      continue;
    }
    rowOfCountry.set(iso3, row);
    for (const qc of columns) {
      const base = { countryIso3: iso3, indicatorId: qc.question.id, periodId };
      if (qc.optionColumns) {
        const v = optionColumnsValue(row, cells, { ...qc, optionColumns: qc.optionColumns }, base, problems);
        if (v) values.push(v);
        continue;
      }
      const text = cellOf(cells, qc.col);
      if (!text) continue;
      const v = answerValue(text, qc.question, base);
      if (typeof v === 'string') problems.push({ cell: cellAddress(row, qc.col), message: v });
      else values.push(v);
    }
  }
  return { values, rowOfCountry };
}
