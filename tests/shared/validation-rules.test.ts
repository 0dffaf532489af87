import { describe, expect, it } from 'vitest';
import { CreatePlanIndicatorSchema, UpdatePlanIndicatorSchema } from '../../shared/api/plan-indicators';
import {
  blockingFindings,
  evaluateRules,
  findingMessage,
  ruleProblems,
} from '../../shared/domain/validation-rules';

const rules = { min: 10, max: 90, jumpPercent: 50 };
const previous = { periodCode: '2020', value: 40 };

describe('evaluateRules', () => {
  it('a value within min/max and the jump threshold gives nothing', () => {
    expect(evaluateRules({ measureType: 'percentage', rules, value: 55, previous })).toEqual([]);
    // Exactly +50 % is not more than ±50 % (45 → 67.5 computes as 50.000000000000007 %).
    expect(
      evaluateRules({
        measureType: 'percentage',
        rules,
        value: 67.5,
        previous: { periodCode: '2020', value: 45 },
      }),
    ).toEqual([]);
    // The bounds themselves are allowed.
    expect(
      evaluateRules({ measureType: 'count', rules: { min: 10, max: 90, jumpPercent: null }, value: 10 }),
    ).toEqual([]);
  });

  it('below min and above max are errors that block', () => {
    const low = evaluateRules({ measureType: 'number', rules, value: 5 });
    expect(low).toEqual([{ rule: 'min', severity: 'error', value: 5, limit: 10 }]);
    const high = evaluateRules({ measureType: 'number', rules, value: 95 });
    expect(high).toEqual([{ rule: 'max', severity: 'error', value: 95, limit: 90 }]);
    expect(blockingFindings(high)).toEqual(high);
    expect(findingMessage(high[0] as never)).toBe('95 is above the maximum 90 set for this indicator');
  });

  it('a jump above the threshold either way is a warning that blocks until the value is commented', () => {
    const up = evaluateRules({ measureType: 'count', rules: { ...rules, max: null }, value: 90, previous });
    expect(up).toMatchObject([{ rule: 'jump', severity: 'warning', changePercent: 125, commented: false }]);
    expect(blockingFindings(up)).toHaveLength(1);
    expect(findingMessage(up[0] as never)).toMatch(
      /changes by \+125 % against 40 in 2020 \(more than ±50 %\)/,
    );
    const down = evaluateRules({
      measureType: 'count',
      rules,
      value: 12,
      previous,
      comment: 'Two labs closed',
    });
    expect(down).toMatchObject([{ rule: 'jump', changePercent: -70, commented: true }]);
    expect(blockingFindings(down)).toEqual([]);
    // A comment of blanks is no comment.
    expect(
      blockingFindings(evaluateRules({ measureType: 'count', rules, value: 12, previous, comment: '  ' })),
    ).toHaveLength(1);
  });

  it('measures a jump from a negative value by its magnitude, and none from 0', () => {
    const neg = evaluateRules({
      measureType: 'number',
      rules: { min: null, max: null, jumpPercent: 50 },
      value: -1,
      previous: { periodCode: '2020', value: -4 },
    });
    expect(neg).toMatchObject([{ rule: 'jump', changePercent: 75 }]);
    expect(
      evaluateRules({ measureType: 'number', rules, value: 50, previous: { periodCode: '2020', value: 0 } }),
    ).toEqual([]);
  });

  it('gives nothing without rules, without a number, or for a type rules do not apply to', () => {
    expect(evaluateRules({ measureType: 'number', rules: null, value: 1000 })).toEqual([]);
    expect(evaluateRules({ measureType: 'number', rules, value: null })).toEqual([]);
    expect(evaluateRules({ measureType: 'level', rules, value: 1 })).toEqual([]);
    expect(evaluateRules({ measureType: 'number', rules, value: Number.NaN })).toEqual([]);
  });
});

describe('ruleProblems', () => {
  it('accepts rules within the natural bounds of the type', () => {
    expect(ruleProblems('percentage', { min: 0, max: 100, jumpPercent: 50 })).toEqual([]);
    expect(ruleProblems('number', { min: -5, max: null })).toEqual([]);
    expect(ruleProblems('yes_no', { min: null, max: null, jumpPercent: null })).toEqual([]);
  });

  it('refuses bounds outside the type, min above max, a non-positive jump, rules on other types', () => {
    expect(ruleProblems('percentage', { max: 120 })).toMatchObject([
      { path: 'max', code: 'above_natural', message: 'must be at most 100 for a percentage indicator' },
    ]);
    expect(ruleProblems('count', { min: -1 })).toMatchObject([{ path: 'min', code: 'below_natural' }]);
    expect(ruleProblems('ratio', { min: -0.5 })).toMatchObject([{ path: 'min', code: 'below_natural' }]);
    expect(ruleProblems('number', { min: 5, max: 1 })).toMatchObject([
      { path: 'max', code: 'min_above_max' },
    ]);
    expect(ruleProblems('number', { jumpPercent: 0 })).toMatchObject([{ path: 'jumpPercent' }]);
    expect(ruleProblems('level', { min: 1 })).toMatchObject([{ path: 'min', code: 'not_numeric' }]);
    expect(ruleProblems('text', { jumpPercent: 10 })).toMatchObject([
      { path: 'jumpPercent', code: 'not_numeric' },
    ]);
  });
});

describe('the plan indicator schemas carry the rules', () => {
  const national = {
    indicator: { kind: 'national', code: 'X1', name: 'Labs', measureType: 'percentage' },
    direction: 'increase',
  } as const;

  it('checks min ≤ max and the bounds of a national indicator’s type, naming the field', () => {
    expect(
      CreatePlanIndicatorSchema.safeParse({ ...national, rules: { min: 0, max: 80, jumpPercent: 50 } })
        .success,
    ).toBe(true);
    const over = CreatePlanIndicatorSchema.safeParse({ ...national, rules: { max: 140 } });
    expect(over.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'rules.max: must be at most 100 for a percentage indicator',
    ]);
    const crossed = UpdatePlanIndicatorSchema.safeParse({ rules: { min: 50, max: 10 }, version: 1 });
    expect(crossed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'rules.max: must not be below min (50)',
    ]);
    const jump = UpdatePlanIndicatorSchema.safeParse({ rules: { jumpPercent: -5 }, version: 1 });
    expect(jump.error?.issues.map((i) => i.path.join('.'))).toEqual(['rules.jumpPercent']);
    expect(UpdatePlanIndicatorSchema.safeParse({ rules: null, version: 1 }).success).toBe(true);
  });
});
