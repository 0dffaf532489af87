import { z } from 'zod';
import { NATIONAL_MEASURE_TYPES } from '../constants/indicator';
import { PLAN_LIMITS } from '../constants/plan';
import { Iso3Schema } from '../domain/country';
import { ImplementationStatusSchema } from '../domain/implementation';
import { DirectionSchema, GapObjectiveSchema, ResultLevelSchema, SectorSchema } from '../domain/indicator';
import { LevelSchema } from '../domain/level';
import { domainNumber } from '../domain/number';
import { FundingStatusSchema, PlanSchema } from '../domain/plan';
import { ProvenanceSchema } from '../domain/provenance';
import { flatIssueCode, JUMP_PERCENT_MAX, ruleProblems } from '../domain/validation-rules';
import { ValueStatusSchema } from '../domain/value';
import { listOf } from './common';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .describe('The version you read (409 when someone changed it meanwhile)');
const year = z.number().int().min(1990).max(2100);
const money = z.number().finite().min(0).max(999_999_999_999.99);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code');
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const PlanListSchema = listOf(PlanSchema);
export const CountryPlansParamsSchema = z.object({ iso3: Iso3Schema });
export const PlanParamsSchema = z.object({ planId: id });
export const ObjectiveParamsSchema = PlanParamsSchema.extend({ objectiveId: id });
export const ActivityParamsSchema = PlanParamsSchema.extend({ activityId: id });
export const PlanIndicatorParamsSchema = PlanParamsSchema.extend({ planIndicatorId: id });

function budgetNeedsCurrency(b: { budget?: number | null; currency?: string | null }, ctx: z.RefinementCtx) {
  if (b.budget != null && !b.currency) {
    ctx.addIssue({
      code: 'custom',
      path: ['currency'],
      message: 'is required with a budget',
      params: { code: 'required_when', field: 'budget' },
    });
  }
}

const objectiveFields = {
  code: text(PLAN_LIMITS.objectiveCode),
  title: text(PLAN_LIMITS.objectiveTitle),
  gapObjective: GapObjectiveSchema.nullable().optional(),
  budget: money.nullable().optional(),
  currency: currency.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};
export const CreateObjectiveSchema = z.object(objectiveFields).superRefine(budgetNeedsCurrency);
export const UpdateObjectiveSchema = z
  .object({
    ...objectiveFields,
    code: objectiveFields.code.optional(),
    title: objectiveFields.title.optional(),
    version,
  })
  .superRefine(budgetNeedsCurrency);
export type CreateObjective = z.infer<typeof CreateObjectiveSchema>;
export type UpdateObjective = z.infer<typeof UpdateObjectiveSchema>;

/** % complete must agree with the status: completed = 100, not started = 0 (when given). */
function percentAgrees(
  a: { implementationStatus?: string | undefined; percentComplete?: number | null | undefined },
  ctx: z.RefinementCtx,
) {
  const p = a.percentComplete;
  if (p == null || !a.implementationStatus) return;
  if (a.implementationStatus === 'completed' && p !== 100)
    ctx.addIssue({
      code: 'custom',
      path: ['percentComplete'],
      message: 'must be 100 for a completed activity',
      params: { code: 'invalid_option', values: '100' },
    });
  if (a.implementationStatus === 'not_started' && p !== 0)
    ctx.addIssue({
      code: 'custom',
      path: ['percentComplete'],
      message: 'must be 0 for an activity not started',
      params: { code: 'invalid_option', values: '0' },
    });
  if (a.implementationStatus === 'not_reported')
    ctx.addIssue({
      code: 'custom',
      path: ['percentComplete'],
      message: 'must be empty for an activity whose status is not reported',
      params: { code: 'absent_when', field: 'implementationStatus', value: 'not_reported' },
    });
}

function datesInOrder(a: { plannedStart?: string | null; plannedEnd?: string | null }, ctx: z.RefinementCtx) {
  if (a.plannedStart && a.plannedEnd && a.plannedEnd < a.plannedStart)
    ctx.addIssue({
      code: 'custom',
      path: ['plannedEnd'],
      message: 'must not be before plannedStart',
      params: { code: 'not_before', other: 'plannedStart' },
    });
}

const activityFields = {
  objectiveId: id,
  interventionId: id
    .nullable()
    .optional()
    .describe('A strategic intervention of the same objective (GET the plan: interventions)'),
  code: text(PLAN_LIMITS.activityCode),
  title: text(PLAN_LIMITS.activityTitle),
  sectors: z.array(SectorSchema).max(7).optional(),
  leadAgency: optionalText(PLAN_LIMITS.leadAgency).describe('The responsible entity'),
  timeline: optionalText(PLAN_LIMITS.timeline).describe(
    'When, as the plan writes it: "Q2/2018", "Ongoing", "2018-2019"',
  ),
  plannedStart: isoDate.nullable().optional(),
  plannedEnd: isoDate.nullable().optional(),
  budget: money.nullable().optional(),
  currency: currency.nullable().optional(),
  fundingStatus: FundingStatusSchema.nullable().optional(),
  implementationStatus: ImplementationStatusSchema.optional(),
  percentComplete: z.number().int().min(0).max(100).nullable().optional(),
};
export const CreateActivitySchema = z.object(activityFields).superRefine((a, ctx) => {
  budgetNeedsCurrency(a, ctx);
  percentAgrees(a, ctx);
  datesInOrder(a, ctx);
});
export const UpdateActivitySchema = z
  .object({
    ...activityFields,
    objectiveId: id.optional(),
    code: activityFields.code.optional(),
    title: activityFields.title.optional(),
    version,
  })
  .superRefine((a, ctx) => {
    budgetNeedsCurrency(a, ctx);
    percentAgrees(a, ctx);
    datesInOrder(a, ctx);
  });
export type CreateActivity = z.infer<typeof CreateActivitySchema>;
export type UpdateActivity = z.infer<typeof UpdateActivitySchema>;

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
export const DeleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647).describe('The version you read'),
});
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
