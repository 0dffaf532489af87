import { z } from 'zod';
import { PLAN_LIMITS } from '../constants/plan';
import { PlanStatusSchema } from '../domain/plan';
import { listOf } from './common';
import { notBefore, optionalText, text, version, year } from './plan-fields';
import { AuditEntrySchema } from './reporting';

function yearsInOrder(p: { periodStart?: number; periodEnd?: number }, ctx: z.RefinementCtx) {
  if (p.periodStart !== undefined && p.periodEnd !== undefined && p.periodEnd < p.periodStart)
    notBefore(ctx, 'periodEnd', 'periodStart');
}

const planFields = {
  title: text(PLAN_LIMITS.planTitle),
  periodStart: year,
  periodEnd: year,
  status: PlanStatusSchema.optional(),
  generation: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe('1 for the first NAP, 2 for the next …; default: the next free one'),
  sourceNote: optionalText(PLAN_LIMITS.sourceNote),
};

export const CreatePlanSchema = z.object(planFields).superRefine(yearsInOrder);
export const UpdatePlanSchema = z
  .object({
    ...planFields,
    title: planFields.title.optional(),
    periodStart: year.optional(),
    periodEnd: year.optional(),
    version,
  })
  .superRefine(yearsInOrder);
export type CreatePlan = z.infer<typeof CreatePlanSchema>;
export type UpdatePlan = z.infer<typeof UpdatePlanSchema>;

/** What a history entry is about: the plan itself or one of its elements, a submission or a value. */
export const HISTORY_SUBJECTS = [
  'plan',
  'plan_objective',
  'plan_activity',
  'plan_indicator',
  'submission',
  'value',
] as const;
export const HistorySubjectSchema = z.enum(HISTORY_SUBJECTS);
export type HistorySubject = z.infer<typeof HistorySubjectSchema>;

export const HistoryEntrySchema = AuditEntrySchema.extend({
  entityType: HistorySubjectSchema,
  entityId: z.string(),
  label: z.string().describe('What changed, e.g. "Activity 1.2" or "Value of 7.4"'),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export const HistoryListSchema = listOf(HistoryEntrySchema);

const id = z.coerce.number().int().min(1).max(2_147_483_647);
export const PlanHistoryQuerySchema = z.object({
  entityType: z.enum(['plan', 'plan_objective', 'plan_activity', 'plan_indicator']).optional(),
  entityId: id.optional().describe('With entityType: only this element'),
});
export const EntryRowParamsSchema = z.object({ periodId: id, planIndicatorId: id });
