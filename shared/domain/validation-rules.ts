/*
 * Validation rules of a plan indicator, like DHIS2's min/max and better: a value outside
 * [min, max] is an error (the period cannot be submitted), a change of more than ±jumpPercent % against
 * the value of the plan's previous period is a warning (it may be submitted with a comment on the value
 * saying why). No zod here: the data-entry grid evaluates the rules while typing on its first page, the
 * server evaluates the same function when a period is submitted.
 */

/** The measure types whose values are numbers a rule can bound (a ratio: numerator / denominator). */
export const RULE_MEASURE_TYPES = ['number', 'count', 'percentage', 'ratio'] as const;
export type RuleMeasureType = (typeof RULE_MEASURE_TYPES)[number];

export const rulesApplyTo = (measureType: string): measureType is RuleMeasureType =>
  (RULE_MEASURE_TYPES as readonly string[]).includes(measureType);

/**
 * The natural bounds of each measure type, as the value schema holds every value to them
 * (shared/api/values.ts ValueInputSchema; shared/domain/number.ts MAX_MAGNITUDE): a rule's min and max
 * must lie within them.
 */
export const NATURAL_BOUNDS: Record<RuleMeasureType, { min: number; max: number }> = {
  number: { min: -1e15, max: 1e15 },
  count: { min: 0, max: 1e15 },
  percentage: { min: 0, max: 100 },
  ratio: { min: 0, max: 1e15 },
};

/** The largest jump threshold (a million percent): beyond it a threshold means nothing. */
export const JUMP_PERCENT_MAX = 1_000_000;

/** A plan indicator's rules; null: no such rule. */
export interface ValidationRules {
  min: number | null;
  max: number | null;
  /** Warn when the value changes by more than this percentage against the previous period's. */
  jumpPercent: number | null;
}

export const NO_RULES: ValidationRules = { min: null, max: null, jumpPercent: null };

export const hasRules = (r: Partial<ValidationRules> | null | undefined): boolean =>
  !!r && (r.min != null || r.max != null || r.jumpPercent != null);

/** Why a rule cannot be set; `path` names the field under `rules`. */
export interface RuleProblem {
  path: 'min' | 'max' | 'jumpPercent';
  code: 'not_numeric' | 'below_natural' | 'above_natural' | 'min_above_max' | 'jump_not_positive';
  /** In English, as the API says it. */
  message: string;
  params: Record<string, number | string>;
}

/** A rule problem in the codes of every API issue (shared/domain/issues.ts), for a client to translate. */
export function ruleIssueCode(p: RuleProblem): { code: string; params: Record<string, number | boolean> } {
  switch (p.code) {
    case 'below_natural':
      return { code: 'too_small', params: { min: Number(p.params.limit), inclusive: true } };
    case 'above_natural':
      return { code: 'too_big', params: { max: Number(p.params.limit), inclusive: true } };
    case 'min_above_max':
      return { code: 'too_small', params: { min: Number(p.params.min), inclusive: true } };
    case 'jump_not_positive':
      return { code: 'too_small', params: { min: 0, inclusive: false } };
    default:
      return { code: 'invalid', params: {} };
  }
}

/** The same, flat, as a zod custom issue's params (`{code, min}`). */
export function flatIssueCode(p: RuleProblem): Record<string, number | boolean | string> {
  const { code, params } = ruleIssueCode(p);
  return { code, ...params };
}

/**
 * What is wrong with a set of rules for an indicator of `measureType` (empty: they may be stored):
 * rules only for numeric types, min and max within the type's natural bounds, min ≤ max, a jump
 * threshold above 0.
 */
export function ruleProblems(measureType: string, rules: Partial<ValidationRules>): RuleProblem[] {
  const out: RuleProblem[] = [];
  const fields = (['min', 'max', 'jumpPercent'] as const).filter((f) => rules[f] != null);
  if (fields.length === 0) return out;
  if (!rulesApplyTo(measureType)) {
    for (const f of fields)
      out.push({
        path: f,
        code: 'not_numeric',
        message: `validation rules apply to number, count, percentage and ratio indicators, not to ${measureType}`,
        params: { measureType },
      });
    return out;
  }
  const bounds = NATURAL_BOUNDS[measureType];
  for (const f of ['min', 'max'] as const) {
    const v = rules[f];
    if (v == null) continue;
    if (v < bounds.min)
      out.push({
        path: f,
        code: 'below_natural',
        message: `must be at least ${bounds.min} for a ${measureType} indicator`,
        params: { limit: bounds.min, measureType },
      });
    else if (v > bounds.max)
      out.push({
        path: f,
        code: 'above_natural',
        message: `must be at most ${bounds.max} for a ${measureType} indicator`,
        params: { limit: bounds.max, measureType },
      });
  }
  if (rules.min != null && rules.max != null && rules.min > rules.max)
    out.push({
      path: 'max',
      code: 'min_above_max',
      message: `must not be below min (${rules.min})`,
      params: { min: rules.min },
    });
  const j = rules.jumpPercent;
  if (j != null && !(j > 0 && j <= JUMP_PERCENT_MAX))
    out.push({
      path: 'jumpPercent',
      code: 'jump_not_positive',
      message: `must be above 0 and at most ${JUMP_PERCENT_MAX} (a percentage of change)`,
      params: { max: JUMP_PERCENT_MAX },
    });
  return out;
}

/** The value of the plan's previous period that a jump is measured against. */
export interface JumpBase {
  periodCode: string;
  value: number;
}

export type RuleFinding =
  | { rule: 'min' | 'max'; severity: 'error'; value: number; limit: number }
  | {
      rule: 'jump';
      severity: 'warning';
      value: number;
      limit: number;
      previous: JumpBase;
      /** Signed: +80 for 50 → 90. */
      changePercent: number;
      /** The value carries a comment (a warning with one does not block submitting). */
      commented: boolean;
    };

/**
 * The findings of one value against its indicator's rules: min/max errors, the jump warning. Nothing
 * for a value that is not a number (no value, no data, not applicable, a level or a text), for an
 * indicator without rules, or for a jump from 0 (no percentage of change can be measured from 0).
 */
export function evaluateRules(input: {
  measureType: string;
  rules: Partial<ValidationRules> | null | undefined;
  value: number | null;
  previous?: JumpBase | null;
  comment?: string | null;
}): RuleFinding[] {
  const { rules, value } = input;
  if (!rules || value === null || !Number.isFinite(value) || !rulesApplyTo(input.measureType)) return [];
  const out: RuleFinding[] = [];
  if (rules.min != null && value < rules.min)
    out.push({ rule: 'min', severity: 'error', value, limit: rules.min });
  if (rules.max != null && value > rules.max)
    out.push({ rule: 'max', severity: 'error', value, limit: rules.max });
  const base = input.previous;
  if (rules.jumpPercent != null && base && base.value !== 0 && Number.isFinite(base.value)) {
    const changePercent = ((value - base.value) / Math.abs(base.value)) * 100;
    // Rounded to 1e-9 so that 45 → 67.5 is a change of exactly 50 %, not 50.000000000000007.
    if (Math.abs(Math.round(changePercent * 1e9) / 1e9) > rules.jumpPercent)
      out.push({
        rule: 'jump',
        severity: 'warning',
        value,
        limit: rules.jumpPercent,
        previous: base,
        changePercent,
        commented: !!input.comment?.trim(),
      });
  }
  return out;
}

/** The findings that refuse a submission: every error, and each warning without a comment. */
export const blockingFindings = (findings: RuleFinding[]): RuleFinding[] =>
  findings.filter((f) => f.severity === 'error' || (f.rule === 'jump' && !f.commented));

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** A finding in English, as the API names it (the grid words it in the interface language). */
export function findingMessage(f: RuleFinding): string {
  switch (f.rule) {
    case 'min':
      return `${fmt(f.value)} is below the minimum ${fmt(f.limit)} set for this indicator`;
    case 'max':
      return `${fmt(f.value)} is above the maximum ${fmt(f.limit)} set for this indicator`;
    case 'jump':
      return (
        `${fmt(f.value)} changes by ${f.changePercent > 0 ? '+' : ''}${fmt(f.changePercent)} % against ` +
        `${fmt(f.previous.value)} in ${f.previous.periodCode} (more than ±${fmt(f.limit)} %)` +
        (f.commented ? '' : '; explain it in a comment on the value before submitting')
      );
  }
}
