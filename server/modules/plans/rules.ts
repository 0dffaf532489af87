import {
  hasRules,
  ruleIssueCode,
  ruleProblems,
  type ValidationRules,
  type ValidationRulesInput,
} from '../../../shared';
import { AppError } from '../../lib/errors';

type RuleColumns = { ruleMin: number | null; ruleMax: number | null; ruleJumpPercent: number | null };

/** A plan indicator row's validation rules as the API gives them (null: none set). */
export function rulesOfRow(r: RuleColumns): ValidationRules | null {
  const rules = { min: r.ruleMin, max: r.ruleMax, jumpPercent: r.ruleJumpPercent };
  return hasRules(rules) ? rules : null;
}

/**
 * The columns of a rules input, checked against the indicator's measure type (400 naming each
 * field: rules only for numeric indicators, within the type's natural bounds, min ≤ max). null
 * clears every rule.
 */
export function ruleColumns(
  indicator: { code: string; measureType: string },
  rules: ValidationRulesInput | null,
): RuleColumns {
  const r = { min: rules?.min ?? null, max: rules?.max ?? null, jumpPercent: rules?.jumpPercent ?? null };
  const issues = ruleProblems(indicator.measureType, r).map((p) => ({
    path: `rules.${p.path}`,
    message: p.message,
    ...withoutEmptyParams(ruleIssueCode(p)),
  }));
  if (issues.length > 0)
    throw new AppError(
      400,
      issues.map((i) => `body.${i.path}: ${i.message} (indicator ${indicator.code})`).join('; '),
      { issues: issues.map((i) => ({ ...i, path: `body.${i.path}` })) },
    );
  return { ruleMin: r.min, ruleMax: r.max, ruleJumpPercent: r.jumpPercent };
}

const withoutEmptyParams = (c: { code: string; params: Record<string, number | boolean> }) =>
  Object.keys(c.params).length > 0 ? c : { code: c.code };
