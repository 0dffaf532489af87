import { z } from 'zod';
import { FUNDING_STATUSES, PLAN_STATUSES } from '../constants/plan';
import { ImplementationStatusSchema } from './implementation';
import {
  DirectionSchema,
  FollowedQuestionSchema,
  GapObjectiveSchema,
  MeasureTypeSchema,
  ResultLevelSchema,
  SectorSchema,
} from './indicator';
import { LevelSchema } from './level';
import { ProgressStatusSchema } from './progress';
import { ProvenanceSchema } from './provenance';

export {
  changesApproval,
  FUNDING_STATUSES,
  type FundingStatus,
  PLAN_STATUSES,
  type PlanStatus,
} from '../constants/plan';

export const PlanStatusSchema = z.enum(PLAN_STATUSES);

export const FundingStatusSchema = z.enum(FUNDING_STATUSES);

const illustrative = z
  .boolean()
  .describe('Demo data filling a gap in what was published: shown as "Illustrative" wherever it appears');

export const ImplementationRateSchema = z.object({
  rate: z.number().nullable().describe('0–100, one decimal; null when no activity counts'),
  counted: z.number().int().describe('Activities counted (cancelled and not reported ones are not)'),
  completed: z.number().int(),
  ongoing: z.number().int(),
  notStarted: z.number().int(),
  cancelled: z.number().int(),
  notReported: z.number().int().describe('Activities whose status nobody reported (not counted)'),
  source: ProvenanceSchema.nullable().describe(
    'Where the rate comes from: illustrative when any counted activity is illustrative; null when none counts',
  ),
});

/**
 * An implementation rate a published evaluation reported for an objective: a figure quoted from its
 * source (read-only; written only by the reference-data loader), never computed here.
 */
export const PublishedRateSchema = z
  .object({
    rate: z.number().nullable().describe('0–100 as published; null when the source gives no percentage'),
    note: z
      .string()
      .nullable()
      .describe('What the source says instead of, or besides, a number (e.g. "not implemented")'),
    source: z.string().describe('The citation: where the figure is published'),
  })
  .describe('The implementation rate as published, with its citation (source: published)');
export type PublishedRate = z.infer<typeof PublishedRateSchema>;

/** An objective's budget for one year of the plan ("Year 1" … as the plan's costing numbers them). */
export const PlanYearBudgetSchema = z.object({
  planYear: z.number().int().describe('1 for the plan’s first year …; not mapped to a calendar year'),
  amount: z.number(),
  source: z.string().nullable().describe('Where the figure comes from (e.g. the plan’s costing chapter)'),
});
export type PlanYearBudget = z.infer<typeof PlanYearBudgetSchema>;

export const PlanObjectiveSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  gapObjective: GapObjectiveSchema.nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  budgetByYear: z.array(PlanYearBudgetSchema).describe('By year of the plan, in the objective’s currency'),
  sortOrder: z.number().int(),
  illustrative,
  version: z.number().int(),
  implementation: ImplementationRateSchema,
  publishedRate: PublishedRateSchema.nullable(),
});
export type PlanObjective = z.infer<typeof PlanObjectiveSchema>;

/**
 * A strategic intervention of an objective, with the strategic (sub-)objective it serves when the plan
 * has that level (Jordan's: "Strategic objective 1.1 … — strategic interventions — activities").
 */
export const PlanInterventionSchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int(),
  code: z.string(),
  title: z.string(),
  strategicObjective: z
    .object({ code: z.string(), title: z.string() })
    .nullable()
    .describe('The strategic (sub-)objective the intervention serves, as the plan numbers and words it'),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type PlanIntervention = z.infer<typeof PlanInterventionSchema>;

export const PlanActivitySchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int(),
  interventionId: z.number().int().nullable(),
  code: z.string(),
  title: z.string(),
  sectors: z.array(SectorSchema),
  leadAgency: z.string().nullable().describe('The responsible entity, as the plan names it'),
  timeline: z
    .string()
    .nullable()
    .describe(
      'When, as the plan writes it ("Q2/2018", "Ongoing", "4 national campaigns per year (2018-2022)")',
    ),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  fundingStatus: FundingStatusSchema.nullable(),
  implementationStatus: ImplementationStatusSchema,
  percentComplete: z.number().int().nullable(),
  illustrative,
  version: z.number().int(),
});
export type PlanActivity = z.infer<typeof PlanActivitySchema>;

/** A number, or a level for A–E indicators. */
export const PlanAmountSchema = z.object({ value: z.number().nullable(), level: LevelSchema.nullable() });

export const PlanTargetSchema = PlanAmountSchema.extend({ year: z.number().int(), illustrative });
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

export const PLANNING_ELEMENT_KINDS = ['objective', 'intervention', 'activity'] as const;
export const PlanningElementKindSchema = z.enum(PLANNING_ELEMENT_KINDS);
export type PlanningElementKind = z.infer<typeof PlanningElementKindSchema>;

/** A plan indicator's validation rules (shared/domain/validation-rules.ts); null: no such rule. */
export const ValidationRulesSchema = z
  .object({
    min: z.number().nullable().describe('A value below it is an error: the period cannot be submitted'),
    max: z.number().nullable().describe('A value above it is an error: the period cannot be submitted'),
    jumpPercent: z
      .number()
      .nullable()
      .describe(
        "A change of more than ±this % against the value of the plan's previous period is a warning: " +
          'submitting needs a comment on the value',
      ),
  })
  .describe('Validation rules of the indicator in this plan (number, count, percentage and ratio only)');

export const PlanIndicatorSchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int().nullable(),
  interventionId: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  planningElement: z
    .object({ kind: PlanningElementKindSchema, text: z.string() })
    .nullable()
    .describe('What the indicator measures in the plan’s M&E plan, as the plan words it'),
  indicator: z.object({
    id: z.number().int(),
    frameworkCode: z.string(),
    code: z.string(),
    name: z.string(),
    measureType: MeasureTypeSchema,
    unit: z.string().nullable(),
    national: z.boolean().describe('Defined by the country (its national-<iso3> framework)'),
    follows: FollowedQuestionSchema.nullable(),
    calculation: z.string().nullable().describe('How the value is expressed ("Percentage", "Yes/No" …)'),
    dataSource: z.string().nullable(),
    collectionMethod: z.string().nullable().describe('How the data are collected (survey, records …)'),
    frequency: z.string().nullable().describe('How often the data are collected, as the plan writes it'),
  }),
  baseline: PlanAmountSchema.extend({ year: z.number().int(), source: z.string().nullable() }).nullable(),
  direction: DirectionSchema,
  resultLevel: ResultLevelSchema.nullable(),
  typeText: z
    .string()
    .nullable()
    .describe('The M&E plan’s "type and purpose" as written (resultLevel holds it when it names a level)'),
  sortOrder: z.number().int(),
  illustrative,
  version: z.number().int(),
  targets: z.array(PlanTargetSchema),
  targetText: z
    .string()
    .nullable()
    .describe('The target as the plan writes it, when it is not a number for a year (kept word for word)'),
  rules: ValidationRulesSchema.nullable()
    .optional()
    .describe('The validation rules of its values; null or absent: none'),
  progress: z.object({
    latest: PlanAmountSchema.extend({
      text: z.string().nullable().default(null).describe('For a text milestone: the text reported'),
      periodCode: z.string(),
      year: z.number().int(),
      source: ProvenanceSchema,
      sourceName: z
        .string()
        .nullable()
        .describe('For a published answer: the dataset it comes from, e.g. TrACSS 2019–2020'),
    })
      .nullable()
      .describe(
        "The country's latest reported value that the caller may see: its national reporting (approved, or " +
          'not yet approved for who may see drafts), or its published answer to the question the indicator follows',
      ),
    target: PlanTargetSchema.nullable().describe('The target in force for the latest value (or the last)'),
    percentOfTarget: z.number().nullable(),
    status: ProgressStatusSchema,
    source: ProvenanceSchema.nullable().describe(
      'Where % of target and status come from: the least trusted of the latest value, the target and the ' +
        'plan indicator (illustrative when any is)',
    ),
  }),
});
export type PlanIndicator = z.infer<typeof PlanIndicatorSchema>;

export const PlanSchema = z.object({
  id: z.number().int(),
  countryIso3: z.string(),
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatusSchema,
  generation: z.number().int(),
  sourceNote: z.string().nullable(),
  illustrative,
  version: z.number().int(),
  budget: z
    .object({ total: z.number(), currency: z.string() })
    .nullable()
    .describe('Sum of the objectives’ budgets (null when they have none or mix currencies)'),
  objectives: z.array(PlanObjectiveSchema),
  interventions: z.array(PlanInterventionSchema),
  activities: z.array(PlanActivitySchema),
  indicators: z.array(PlanIndicatorSchema),
  implementation: z.object({
    overall: ImplementationRateSchema,
    bySector: z.array(ImplementationRateSchema.extend({ sector: SectorSchema })),
    rule: z.string().describe('How the rates are computed'),
  }),
});
export type Plan = z.infer<typeof PlanSchema>;
