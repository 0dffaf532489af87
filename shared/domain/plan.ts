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
  counted: z.number().int().describe('Activities counted (cancelled ones are not)'),
  completed: z.number().int(),
  ongoing: z.number().int(),
  notStarted: z.number().int(),
  cancelled: z.number().int(),
  source: ProvenanceSchema.nullable().describe(
    'Where the rate comes from: illustrative when any counted activity is illustrative; null when none counts',
  ),
});

export const PlanObjectiveSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  gapObjective: GapObjectiveSchema.nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  sortOrder: z.number().int(),
  illustrative,
  version: z.number().int(),
  implementation: ImplementationRateSchema,
});
export type PlanObjective = z.infer<typeof PlanObjectiveSchema>;

export const PlanActivitySchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int(),
  code: z.string(),
  title: z.string(),
  sectors: z.array(SectorSchema),
  leadAgency: z.string().nullable(),
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

export const PlanIndicatorSchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int().nullable(),
  indicator: z.object({
    id: z.number().int(),
    frameworkCode: z.string(),
    code: z.string(),
    name: z.string(),
    measureType: MeasureTypeSchema,
    unit: z.string().nullable(),
    national: z.boolean().describe('Defined by the country (its national-<iso3> framework)'),
    follows: FollowedQuestionSchema.nullable(),
  }),
  baseline: PlanAmountSchema.extend({ year: z.number().int(), source: z.string().nullable() }).nullable(),
  direction: DirectionSchema,
  resultLevel: ResultLevelSchema.nullable(),
  sortOrder: z.number().int(),
  illustrative,
  version: z.number().int(),
  targets: z.array(PlanTargetSchema),
  progress: z.object({
    latest: PlanAmountSchema.extend({
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
  activities: z.array(PlanActivitySchema),
  indicators: z.array(PlanIndicatorSchema),
  implementation: z.object({
    overall: ImplementationRateSchema,
    bySector: z.array(ImplementationRateSchema.extend({ sector: SectorSchema })),
    rule: z.string().describe('How the rates are computed'),
  }),
});
export type Plan = z.infer<typeof PlanSchema>;
