import { z } from 'zod';
import { LevelSchema } from '../domain/level';

/**
 * The 2030 targets of the 2024 UN political declaration on AMR (as reported by secondary sources),
 * and, for those the published TrACSS answers can follow, where the countries stand.
 */

export const TARGET_MEASURES = ['funded_nap', 'answered_round'] as const;
export type TargetMeasureKind = (typeof TARGET_MEASURES)[number];

export const TargetMeasureSchema = z.object({
  kind: z.enum(TARGET_MEASURES),
  frameworkCode: z.string(),
  frameworkName: z.string(),
  questionCode: z.string().nullable().describe('The TrACSS question followed, when one is'),
  questionName: z.string().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  denominatorKind: z
    .enum(['answering', 'who_members'])
    .describe('answering: the countries that answered the round; who_members: WHO member states'),
  share: z.number().nullable().describe('numerator / denominator, percent with one decimal; null when 0/0'),
  goal: z.number().nullable().describe('The share the target asks for, percent'),
  levels: z
    .array(
      z.object({
        level: LevelSchema.nullable().describe('null: answered "not applicable"'),
        wording: z.string().nullable(),
        count: z.number().int(),
        counted: z.boolean().describe('Counted in the numerator'),
      }),
    )
    .nullable(),
});
export type TargetMeasure = z.infer<typeof TargetMeasureSchema>;

export const GlobalTargetSchema = z.object({
  id: z.string(),
  year: z.number().int().nullable().describe('Target year as reported; null when the sources do not give it'),
  target: z.string().describe('The target as reported'),
  baseline: z.string().nullable(),
  monitoringSource: z.string().nullable(),
  sourceAddresses: z.array(z.string()),
  sourceKind: z.string(),
  measures: z.array(TargetMeasureSchema).describe('Empty when the data held cannot follow the target'),
});
export type GlobalTarget = z.infer<typeof GlobalTargetSchema>;

export const GlobalTargetsResultSchema = z.object({
  items: z.array(GlobalTargetSchema),
  whoMembers: z.number().int(),
  source: z.string().describe('Where the targets come from'),
});
export type GlobalTargetsResult = z.infer<typeof GlobalTargetsResultSchema>;
