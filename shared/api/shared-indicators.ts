import { z } from 'zod';
import { PlanIndicatorSchema, PlanStatusSchema } from '../domain/plan';
import { PeerGroupSchema, PeerGroupTypeSchema } from './compare';

/* Shared indicators: countries whose plans track the same indicator, side by side. */

const IndicatorRefSchema = PlanIndicatorSchema.shape.indicator;

export const SharedIndicatorSchema = z.object({
  indicator: IndicatorRefSchema,
  countries: z.array(z.string()).describe('ISO3 codes of the countries whose visible plans track it'),
});
export type SharedIndicator = z.infer<typeof SharedIndicatorSchema>;

export const SharedIndicatorListSchema = z.object({
  items: z
    .array(SharedIndicatorSchema)
    .describe('Indicators tracked by at least one visible plan, the most shared first'),
});
export type SharedIndicatorList = z.infer<typeof SharedIndicatorListSchema>;

export const SharedIndicatorQuerySchema = z.object({
  indicatorId: z.coerce.number().int().min(1).max(2_147_483_647).describe('GET /api/compare/indicators'),
  groupType: PeerGroupTypeSchema.default('all'),
  group: z.string().trim().max(2000).optional().describe('As for /api/compare/heatmap'),
});
/** What a client sends (the id is coerced from the query string on the server). */
export type SharedIndicatorQuery = Omit<z.input<typeof SharedIndicatorQuerySchema>, 'indicatorId'> & {
  indicatorId: number;
};

export const SharedIndicatorRowSchema = z.object({
  iso3: z.string(),
  name: z.string(),
  plan: z.object({
    id: z.number().int(),
    title: z.string(),
    status: PlanStatusSchema,
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
  }),
  planIndicatorId: z.number().int(),
  direction: PlanIndicatorSchema.shape.direction,
  baseline: PlanIndicatorSchema.shape.baseline,
  illustrative: z.boolean().describe('The plan indicator or the target in force is illustrative'),
  progress: PlanIndicatorSchema.shape.progress,
});
export type SharedIndicatorRow = z.infer<typeof SharedIndicatorRowSchema>;

export const SharedIndicatorResultSchema = z.object({
  indicator: IndicatorRefSchema,
  group: PeerGroupSchema,
  rows: z
    .array(SharedIndicatorRowSchema)
    .describe('One per member whose newest visible plan tracks the indicator, by country name'),
});
export type SharedIndicatorResult = z.infer<typeof SharedIndicatorResultSchema>;
