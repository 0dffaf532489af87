import {
  type Indicator,
  type Locale,
  type PutValueBody,
  PutValueBodySchema,
  parseLevel,
  parseLocaleNumber,
  type SheetColumn,
  TEXT_VALUE_MAX,
  VALUE_STATUSES,
  type ValueInput,
  type ValueStatus,
} from '../../../shared';
import { issueFromZod } from '../../../shared/domain/issues';
import type { RawRow } from './read-file';

export interface Problem {
  column: string;
  message: string;
  code?: string;
  params?: Record<string, string | number | boolean | null>;
}

const LIMIT = 1e15;
const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'level'] as const;

/**
 * A number cell: a cell the workbook stores as a number is taken as it is; text ("45,5", a CSV's
 * cells) is read as written in the upload's language (shared/i18n/number.ts).
 */
function numberIn(row: Cells, column: SheetColumn, problems: Problem[]): number | undefined {
  const text = row.cells[column];
  if (text === undefined) {
    problems.push({ column, message: 'is required', code: 'required' });
    return undefined;
  }
  const parsed = row.numeric.has(column)
    ? { ok: true as const, value: Number(text) }
    : parseLocaleNumber(text.slice(0, 100), row.locale);
  if (!parsed.ok) {
    problems.push(
      parsed.problem === 'empty'
        ? { column, message: 'is required', code: 'required' }
        : { column, message: parsed.message, code: `number_${parsed.problem}`, params: { ...parsed.params } },
    );
    return undefined;
  }
  if (!Number.isFinite(parsed.value) || Math.abs(parsed.value) > LIMIT) {
    problems.push({ column, message: `"${text.slice(0, 40)}" is not a number`, code: 'not_a_number' });
    return undefined;
  }
  return parsed.value;
}

/** The cells of a row, which of them the file stores as numbers, and the language of the others. */
interface Cells {
  cells: RawRow['cells'];
  numeric: RawRow['numeric'];
  locale: Locale;
}

/** A problem when `n` is below 0, naming the column. */
function notNegative(n: number | undefined, column: SheetColumn, problems: Problem[]) {
  if (n !== undefined && n < 0)
    problems.push({
      column,
      message: `${n} is below 0`,
      code: 'too_small',
      params: { min: 0, inclusive: true },
    });
}

/** The answer of a reported row, checked against the indicator's measure type. */
function answerOf(i: Indicator, row: Cells, problems: Problem[]): ValueInput | undefined {
  const count = problems.length;
  const { cells } = row;
  switch (i.measureType) {
    case 'percentage': {
      const n = numberIn(row, 'value', problems);
      if (n !== undefined && n > 100)
        problems.push({
          column: 'value',
          message: `${n} is above 100`,
          code: 'too_big',
          params: { max: 100, kind: 'percentage' },
        });
      notNegative(n, 'value', problems);
      return problems.length > count || n === undefined ? undefined : { type: 'percentage', percentage: n };
    }
    case 'number': {
      const n = numberIn(row, 'value', problems);
      return n === undefined ? undefined : { type: 'number', number: n };
    }
    case 'count': {
      const n = numberIn(row, 'value', problems);
      notNegative(n, 'value', problems);
      if (n !== undefined && !Number.isInteger(n))
        problems.push({
          column: 'value',
          message: `${n} is not a whole number (a count)`,
          code: 'not_whole',
        });
      return problems.length > count || n === undefined ? undefined : { type: 'count', count: n };
    }
    case 'ratio': {
      const numerator = numberIn(row, 'numerator', problems);
      const denominator = numberIn(row, 'denominator', problems);
      notNegative(numerator, 'numerator', problems);
      notNegative(denominator, 'denominator', problems);
      if (denominator === 0)
        problems.push({ column: 'denominator', message: 'must not be 0', code: 'not_zero' });
      if (problems.length > count || numerator === undefined || denominator === undefined) return undefined;
      return { type: 'ratio', numerator, denominator };
    }
    case 'level': {
      const text = cells.level ?? cells.value;
      const level = text ? parseLevel(text.toUpperCase()) : null;
      if (!level) {
        const message = text ? `"${text.slice(0, 40)}" is not a level A–E` : 'is required';
        problems.push({ column: 'level', message, code: text ? 'not_a_level' : 'required' });
        return undefined;
      }
      return { type: 'level', level };
    }
    case 'yes_no': {
      const text = (cells.value ?? '').toLowerCase();
      if (['yes', 'true', '1'].includes(text)) return { type: 'yes_no', answer: true };
      if (['no', 'false', '0'].includes(text)) return { type: 'yes_no', answer: false };
      problems.push({
        column: 'value',
        message: text ? `"${text.slice(0, 40)}" is not yes or no` : 'is required',
        code: text ? 'not_yes_no' : 'required',
      });
      return undefined;
    }
    case 'text': {
      const text = cells.value;
      if (!text) problems.push({ column: 'value', message: 'is required', code: 'required' });
      else if (text.length > TEXT_VALUE_MAX)
        problems.push({
          column: 'value',
          message: `is longer than ${TEXT_VALUE_MAX} characters`,
          code: 'too_long',
          params: { max: TEXT_VALUE_MAX },
        });
      return text && text.length <= TEXT_VALUE_MAX ? { type: 'text', text } : undefined;
    }
  }
}

/**
 * The PUT /api/values body a row stands for, or its problems, each naming its column. A row with
 * no status and no value is blank: null (the stored value stays as it is). Text cells holding
 * numbers are read in `locale`, the language the upload says its file is written in.
 */
export function rowBody(
  i: Indicator,
  raw: Pick<RawRow, 'cells' | 'numeric'>,
  locale: Locale,
): { body: PutValueBody | null; problems: Problem[] } {
  const { cells } = raw;
  const problems: Problem[] = [];
  const filled = VALUE_COLUMNS.some((c) => cells[c] !== undefined);
  const statusText = cells.status?.toLowerCase();
  if (!statusText && !filled && !cells.reason && !cells.comment) return { body: null, problems };
  const status = (statusText ?? 'reported') as ValueStatus;
  if (!VALUE_STATUSES.includes(status)) {
    problems.push({
      column: 'status',
      message: `"${cells.status?.slice(0, 40)}" is not one of ${VALUE_STATUSES.join(', ')}`,
      code: 'invalid_option',
      params: { values: VALUE_STATUSES.join(', ') },
    });
    return { body: null, problems };
  }
  let value: ValueInput | undefined;
  if (status === 'reported') value = answerOf(i, { ...raw, locale }, problems);
  else {
    for (const c of VALUE_COLUMNS)
      if (cells[c] !== undefined)
        problems.push({
          column: c,
          message: `must be empty when status is ${status}`,
          code: 'absent_when',
          params: { field: 'status', value: status },
        });
    if (!cells.reason)
      problems.push({
        column: 'reason',
        message: `is required when status is ${status}`,
        code: 'required_when',
        params: { field: 'status', value: status },
      });
  }
  for (const [column, max] of [
    ['reason', 500],
    ['comment', 2000],
  ] as const) {
    const text = cells[column];
    if (text && text.length > max)
      problems.push({
        column,
        message: `is longer than ${max} characters`,
        code: 'too_long',
        params: { max },
      });
  }
  if (problems.length) return { body: null, problems };
  // The API's own schema has the last word: the same rules as PUT /api/values.
  const parsed = PutValueBodySchema.safeParse({
    status,
    ...(value ? { value } : {}),
    ...(cells.reason && status !== 'reported' ? { reason: cells.reason } : {}),
    ...(cells.comment ? { comment: cells.comment } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { code, params } = issueFromZod(issue);
      problems.push({
        column: columnOfIssue(issue.path),
        message: issue.message,
        ...(code ? { code } : {}),
        ...(params ? { params } : {}),
      });
    }
    return { body: null, problems };
  }
  return { body: parsed.data, problems };
}

/** The sheet column of a schema issue: value.numerator → numerator, value.percentage → value. */
function columnOfIssue(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first !== 'value') return first ?? 'row';
  return second === 'numerator' || second === 'denominator' || second === 'level' ? second : 'value';
}
