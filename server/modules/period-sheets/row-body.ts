import {
  type Indicator,
  type PutValueBody,
  PutValueBodySchema,
  parseLevel,
  type SheetColumn,
  VALUE_STATUSES,
  type ValueInput,
  type ValueStatus,
} from '../../../shared';
import type { RawRow } from './read-file';

export interface Problem {
  column: string;
  message: string;
}

const LIMIT = 1e15;
const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'level'] as const;

function numberIn(cells: RawRow['cells'], column: SheetColumn, problems: Problem[]): number | undefined {
  const text = cells[column];
  if (text === undefined) {
    problems.push({ column, message: 'is required' });
    return undefined;
  }
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > LIMIT) {
    problems.push({ column, message: `"${text.slice(0, 40)}" is not a number` });
    return undefined;
  }
  return n;
}

/** The answer of a reported row, checked against the indicator's measure type. */
function answerOf(i: Indicator, cells: RawRow['cells'], problems: Problem[]): ValueInput | undefined {
  const count = problems.length;
  switch (i.measureType) {
    case 'percentage': {
      const n = numberIn(cells, 'value', problems);
      if (n !== undefined && n > 100) problems.push({ column: 'value', message: `${n} is above 100` });
      if (n !== undefined && n < 0) problems.push({ column: 'value', message: `${n} is below 0` });
      return problems.length > count || n === undefined ? undefined : { type: 'percentage', percentage: n };
    }
    case 'number': {
      const n = numberIn(cells, 'value', problems);
      return n === undefined ? undefined : { type: 'number', number: n };
    }
    case 'ratio': {
      const numerator = numberIn(cells, 'numerator', problems);
      const denominator = numberIn(cells, 'denominator', problems);
      if (denominator === 0) problems.push({ column: 'denominator', message: 'must not be 0' });
      if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
      return { type: 'ratio', numerator, denominator };
    }
    case 'level': {
      const text = cells.level ?? cells.value;
      const level = text ? parseLevel(text.toUpperCase()) : null;
      if (!level) {
        const message = text ? `"${text.slice(0, 40)}" is not a level A–E` : 'is required';
        problems.push({ column: 'level', message });
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
      });
      return undefined;
    }
    case 'text': {
      const text = cells.value;
      if (!text) problems.push({ column: 'value', message: 'is required' });
      else if (text.length > 2000)
        problems.push({ column: 'value', message: 'is longer than 2000 characters' });
      return text && text.length <= 2000 ? { type: 'text', text } : undefined;
    }
  }
}

/**
 * The PUT /api/values body a row stands for, or its problems, each naming its column. A row with
 * no status and no value is blank: null (the stored value stays as it is).
 */
export function rowBody(
  i: Indicator,
  cells: RawRow['cells'],
): { body: PutValueBody | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const filled = VALUE_COLUMNS.some((c) => cells[c] !== undefined);
  const statusText = cells.status?.toLowerCase();
  if (!statusText && !filled && !cells.reason && !cells.comment) return { body: null, problems };
  const status = (statusText ?? 'reported') as ValueStatus;
  if (!VALUE_STATUSES.includes(status)) {
    problems.push({
      column: 'status',
      message: `"${cells.status?.slice(0, 40)}" is not one of ${VALUE_STATUSES.join(', ')}`,
    });
    return { body: null, problems };
  }
  let value: ValueInput | undefined;
  if (status === 'reported') value = answerOf(i, cells, problems);
  else {
    for (const c of VALUE_COLUMNS)
      if (cells[c] !== undefined)
        problems.push({ column: c, message: `must be empty when status is ${status}` });
    if (!cells.reason) problems.push({ column: 'reason', message: `is required when status is ${status}` });
  }
  if (cells.reason && cells.reason.length > 500)
    problems.push({ column: 'reason', message: 'is longer than 500 characters' });
  if (cells.comment && cells.comment.length > 2000)
    problems.push({ column: 'comment', message: 'is longer than 2000 characters' });
  if (problems.length) return { body: null, problems };
  // The API's own schema has the last word: the same rules as PUT /api/values.
  const parsed = PutValueBodySchema.safeParse({
    status,
    ...(value ? { value } : {}),
    ...(cells.reason && status !== 'reported' ? { reason: cells.reason } : {}),
    ...(cells.comment ? { comment: cells.comment } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ column: String(issue.path[0] ?? 'row'), message: issue.message });
    return { body: null, problems };
  }
  return { body: parsed.data, problems };
}
