import { z } from 'zod';
import { NATIONAL_MEASURE_TYPES } from '../constants/indicator';
import { PLAN_LIMITS } from '../constants/plan';
import { DirectionSchema, ResultLevelSchema } from '../domain/indicator';
import { LevelSchema } from '../domain/level';
import { domainNumber } from '../domain/number';
import { ProvenanceSchema } from '../domain/provenance';
import { flatIssueCode, JUMP_PERCENT_MAX, ruleProblems } from '../domain/validation-rules';
import { ValueStatusSchema } from '../domain/value';
import { listOf } from './common';
import { id, optionalText, text, version, year } from './plan-fields';

/** A number or, for A–E indicators, a level: exactly one. */
function oneAmount(a: { value?: number | null; level?: string | null }, ctx: z.RefinementCtx) {
  if ((a.value == null) === (a.level == null))
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: 'give either value or level (A–E indicators)',
      params: { code: 'required' },
    });
}
const amount = {
  value: domainNumber().nullable().optional(),
  level: LevelSchema.nullable().optional(),
};
export const TargetInputSchema = z.object({ year, ...amount }).superRefine(oneAmount);
export const BaselineInputSchema = z
  .object({ year, ...amount, source: optionalText(PLAN_LIMITS.baselineSource) })
  .superRefine(oneAmount);
export const TargetsSchema = z
  .array(TargetInputSchema)
  .max(50)
  .superRefine((ts, ctx) => {
    const seen = new Set<number>();
    ts.forEach((t, i) => {
      if (seen.has(t.year))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'year'],
          message: `${t.year} is listed twice`,
          params: { code: 'duplicate', value: t.year },
        });
      seen.add(t.year);
    });
  });
export type TargetInput = z.infer<typeof TargetInputSchema>;

/** Which indicator: one of a framework (by code), or a national one defined here. */
export const PlanIndicatorRefSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('framework'),
    framework: text(PLAN_LIMITS.frameworkCode),
    code: text(PLAN_LIMITS.indicatorCode),
  }),
  z.object({
    kind: z.literal('national'),
    code: text(PLAN_LIMITS.indicatorCode),
    name: text(PLAN_LIMITS.indicatorName),
    measureType: z
      .enum(NATIONAL_MEASURE_TYPES)
      .describe('text: a milestone stated in words (its target goes in targetText, not in targets)'),
    unit: optionalText(PLAN_LIMITS.unit),
    definition: optionalText(PLAN_LIMITS.definition),
  }),
]);

/**
 * Validation rules of a plan indicator: each optional (absent or null: no such rule). min ≤ max, both
 * within the natural bounds of the indicator's measure type (checked here when the body names the
 * type, by the server otherwise), a jump threshold above 0.
 */
export const ValidationRulesInputSchema = z
  .object({
    min: domainNumber().nullable().optional().describe('A value below it is an error (blocks submit)'),
    max: domainNumber().nullable().optional().describe('A value above it is an error (blocks submit)'),
    jumpPercent: z
      .number()
      .finite()
      .gt(0, 'must be above 0')
      .max(JUMP_PERCENT_MAX)
      .nullable()
      .optional()
      .describe(
        "Warn when a value changes by more than ±this % against the plan's previous period (e.g. 50); " +
          'submitting then needs a comment on the value',
      ),
  })
  .superRefine((r, ctx) => {
    if (r.min != null && r.max != null && r.min > r.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be below min (${r.min})` });
  });
export type ValidationRulesInput = z.infer<typeof ValidationRulesInputSchema>;

const rulesField = ValidationRulesInputSchema.nullable()
  .optional()
  .describe('Validation rules (number, count, percentage and ratio indicators); null removes them');

export const CreatePlanIndicatorSchema = z
  .object({
    objectiveId: id.nullable().optional(),
    indicator: PlanIndicatorRefSchema,
    baseline: BaselineInputSchema.nullable().optional(),
    direction: DirectionSchema,
    resultLevel: ResultLevelSchema.nullable().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    targets: TargetsSchema.optional(),
    targetText: optionalText(PLAN_LIMITS.targetText).describe(
      'A target the plan words rather than numbers, kept as written',
    ),
    rules: rulesField,
  })
  .superRefine((b, ctx) => {
    // A national indicator says its measure type here: its rules are checked against its bounds.
    if (b.indicator.kind !== 'national' || !b.rules) return;
    // min ≤ max and the jump threshold are the rules schema's own checks.
    for (const p of ruleProblems(b.indicator.measureType, b.rules))
      if (p.code !== 'min_above_max' && p.code !== 'jump_not_positive')
        ctx.addIssue({
          code: 'custom',
          path: ['rules', p.path],
          message: p.message,
          params: flatIssueCode(p),
        });
  });
export const UpdatePlanIndicatorSchema = z.object({
  objectiveId: id.nullable().optional(),
  baseline: BaselineInputSchema.nullable().optional(),
  direction: DirectionSchema.optional(),
  resultLevel: ResultLevelSchema.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  targetText: optionalText(PLAN_LIMITS.targetText).describe(
    'A target the plan words rather than numbers, kept as written',
  ),
  rules: rulesField,
  version,
});
export const PutTargetsSchema = z.object({ targets: TargetsSchema, version });
export type CreatePlanIndicator = z.infer<typeof CreatePlanIndicatorSchema>;
export type UpdatePlanIndicator = z.infer<typeof UpdatePlanIndicatorSchema>;

/** One value behind a plan indicator's progress (GET /api/plans/{planId}/indicators/{planIndicatorId}/values). */
export const PlanIndicatorValueSchema = z.object({
  periodCode: z.string(),
  year: z.number().int().describe('The year the period ends'),
  status: ValueStatusSchema,
  level: LevelSchema.nullable(),
  numericValue: z.number().nullable(),
  source: ProvenanceSchema,
  sourceName: z.string().nullable().describe('For a published answer: its dataset, e.g. TrACSS 2019–2020'),
});
export type PlanIndicatorValue = z.infer<typeof PlanIndicatorValueSchema>;
export const PlanIndicatorValueListSchema = listOf(PlanIndicatorValueSchema).describe(
  "The country's reports on the indicator the caller may see, and the published answers to the question " +
    'it follows, newest first (a national report before a published answer of the same period)',
);
