import { z } from 'zod';
import { GapObjectiveSchema, Iso3Schema, PlanStatusSchema } from '../../../shared';

/* What Jordan's NAP transcription holds once read and checked (jordan-plan-files.ts). */

export const HeaderSchema = z.object({
  country: Iso3Schema,
  generation: z.number().int(),
  title: z.string().min(1).max(300),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatusSchema,
  sourceNote: z.string().max(2000),
  currency: z.string().length(3),
  citations: z.object({
    budget: z.string().min(1).max(500),
    evaluation: z.string().min(1),
  }),
  /**
   * Where the operational-plan transcription names an intervention in the words of chapter 2's detailed
   * tables and those words fit two of the summary table's interventions: which one it is, and why.
   */
  interventionAliases: z
    .array(
      z.object({ strategicObjective: z.string(), wording: z.string(), means: z.string(), why: z.string() }),
    )
    .default([]),
  /** The plan's source notes earlier versions shipped: recognised on upgrade, then replaced. */
  legacySourceNotes: z.array(z.string()),
  objectives: z
    .array(
      z.object({
        number: z.number().int().min(1).max(9),
        gapObjective: GapObjectiveSchema,
        legacyCode: z.string().optional(),
        publishedRate: z.number().min(0).max(100).nullable(),
        publishedRateNote: z.string().nullable(),
      }),
    )
    .length(5),
});
export type JordanHeader = z.infer<typeof HeaderSchema>;

export interface JordanObjective {
  number: number;
  code: string;
  title: string;
  gapObjective: number;
  legacyCode: string | null;
  budget: number;
  budgetByYear: number[];
  publishedRate: { rate: number | null; note: string | null } | null;
}

export interface JordanIntervention {
  objective: number;
  /** Ours: the strategic objective's code and the intervention's place under it (1.1.2). */
  code: string;
  title: string;
  strategicObjective: { code: string; title: string };
  sortOrder: number;
}

export interface JordanActivity {
  objective: number;
  /** Ours: A<objective>.<nn> in the order of the operational plan (the plan numbers none). */
  code: string;
  title: string;
  timeline: string | null;
  responsible: string | null;
  interventionCode: string | null;
}

export interface JordanMeRow {
  row: number;
  objective: number;
  /** Ours: ME-<objective>.<nn> in the order of the M&E plan. */
  code: string;
  kind: 'objective' | 'intervention' | 'activity';
  element: string;
  indicator: string;
  type: string | null;
  calculation: string | null;
  dataSource: string | null;
  method: string | null;
  target: string | null;
  frequency: string | null;
  interventionCode: string | null;
  activityCode: string | null;
}

export interface JordanPlanData {
  header: JordanHeader;
  objectives: JordanObjective[];
  interventions: JordanIntervention[];
  activities: JordanActivity[];
  indicators: JordanMeRow[];
  /** Rows naming an intervention that is not clearly one of the plan's: loaded without the link. */
  unlinked: string[];
}
