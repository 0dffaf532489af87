import type { CreatePlanIndicator, Indicator, TargetInput } from '../../../shared';
import { AppError } from '../../lib/errors';

type Amount = { value?: number | null | undefined; level?: string | null | undefined };
export type Measured = Pick<Indicator, 'code' | 'measureType'>;

/** A baseline or target must be of the indicator's kind: a level for A–E indicators, a number otherwise. */
function checkAmount(field: string, indicator: Measured, a: Amount) {
  const t = indicator.measureType;
  if (t === 'text')
    throw new AppError(
      400,
      `${field}: indicator ${indicator.code} is a text milestone: no numeric ${field.startsWith('baseline') ? 'baseline' : 'target'} (word its target in targetText)`,
    );
  if (t === 'level' && a.level == null)
    throw new AppError(400, `${field}.level: indicator ${indicator.code} is measured in levels A–E`, {
      issue: 'required',
    });
  if (t !== 'level' && a.value == null)
    throw new AppError(400, `${field}.value: indicator ${indicator.code} is measured as ${t}, give a value`, {
      issue: 'required',
    });
  if (t === 'percentage' && a.value != null && (a.value < 0 || a.value > 100))
    throw new AppError(400, `${field}.value: a percentage is between 0 and 100`, {
      issue: 'too_big',
      issueParams: { min: 0, max: 100, kind: 'percentage' },
    });
  // The same natural bounds as the values (shared/api/values.ts ValueInputSchema).
  if (t === 'count' && a.value != null && (a.value < 0 || !Number.isInteger(a.value)))
    throw new AppError(400, `${field}.value: a count is a whole number, 0 or more`, {
      issue: 'not_whole',
      issueParams: { min: 0 },
    });
  if (t === 'ratio' && a.value != null && a.value < 0)
    throw new AppError(400, `${field}.value: a ratio of counts is not negative`, {
      issue: 'too_small',
      issueParams: { min: 0, inclusive: true },
    });
  if (t === 'yes_no' && a.value != null && a.value !== 0 && a.value !== 1)
    throw new AppError(400, `${field}.value: a yes/no indicator takes 1 (yes) or 0 (no)`, {
      issue: 'invalid_option',
      issueParams: { values: '1, 0' },
    });
}

export const targetRows = (indicator: Measured, targets: TargetInput[]) =>
  targets.map((t, i) => {
    checkAmount(`targets.${i}`, indicator, t);
    return { year: t.year, value: t.value ?? null, level: t.level ?? null };
  });

export const baselineColumns = (indicator: Measured, b: CreatePlanIndicator['baseline']) => {
  if (!b) return { baselineValue: null, baselineLevel: null, baselineYear: null, baselineSource: null };
  checkAmount('baseline', indicator, b);
  return {
    baselineValue: b.value ?? null,
    baselineLevel: b.level ?? null,
    baselineYear: b.year,
    baselineSource: b.source ?? null,
  };
};
