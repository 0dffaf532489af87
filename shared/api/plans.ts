import { z } from 'zod';
import { PLAN_LIMITS } from '../constants/plan';
import { Iso3Schema } from '../domain/country';
import { ImplementationStatusSchema } from '../domain/implementation';
import { GapObjectiveSchema, SectorSchema } from '../domain/indicator';
import { FundingStatusSchema, PlanSchema } from '../domain/plan';
import { listOf } from './common';
import { currency, id, isoDate, money, notBefore, optionalText, text, version } from './plan-fields';

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
    notBefore(ctx, 'plannedEnd', 'plannedStart');
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

export const DeleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647).describe('The version you read'),
});
