import type { Indicator, PutValueBody, ValueInput } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { FoundValue, ValueColumns } from './write-repository';

/** The stored columns of an answer, checked against the indicator's measure type. */
export function columnsOf(indicator: Indicator, body: PutValueBody): ValueColumns {
  const empty = { level: null, numericValue: null, numerator: null, denominator: null, textValue: null };
  const v: ValueInput | undefined = body.value;
  if (!v) return { status: body.status, ...empty, statusReason: body.reason ?? null };
  if (v.type !== indicator.measureType) {
    throw new AppError(
      400,
      `value.type: indicator ${indicator.code} is measured as ${indicator.measureType}, not ${v.type}`,
    );
  }
  const c: ValueColumns = { status: body.status, ...empty, statusReason: null };
  switch (v.type) {
    case 'level':
      return {
        ...c,
        level: v.level,
        textValue: indicator.levels ? `${v.level} - ${indicator.levels[v.level]}` : v.level,
      };
    case 'yes_no':
      return { ...c, numericValue: v.answer ? 1 : 0, textValue: v.answer ? 'Yes' : 'No' };
    case 'number':
      return { ...c, numericValue: v.number };
    case 'count':
      return { ...c, numericValue: v.count };
    case 'percentage':
      return { ...c, numericValue: v.percentage };
    case 'ratio':
      return {
        ...c,
        numerator: v.numerator,
        denominator: v.denominator,
        numericValue: v.numerator / v.denominator,
      };
    case 'text':
      return { ...c, textValue: v.text };
  }
}

/** What the audit log keeps of a value (old → new). */
export function valueSnapshot(c: ValueColumns & { version: number }) {
  return {
    status: c.status,
    level: c.level,
    numericValue: c.numericValue,
    numerator: c.numerator,
    denominator: c.denominator,
    textValue: c.textValue,
    statusReason: c.statusReason,
    version: c.version,
  };
}

export const snapshotOfRow = (f: FoundValue) => valueSnapshot(f.value);
