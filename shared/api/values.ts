import { z } from 'zod';
import { Iso3Schema } from '../domain/country';
import { IndicatorValueSchema } from '../domain/value';
import { PaginationQuerySchema, pageOf } from './common';
import { FrameworkCodeSchema } from './frameworks';

export const ValueQuerySchema = PaginationQuerySchema.extend({
  country: Iso3Schema.optional(),
  framework: FrameworkCodeSchema.optional(),
  indicator: z.string().trim().min(1).max(32).optional().describe('Indicator code; needs framework'),
  period: z.string().trim().min(1).max(32).optional(),
}).refine((q) => q.indicator === undefined || q.framework !== undefined, {
  message: 'indicator needs framework (indicator codes are unique within a framework)',
  path: ['indicator'],
});
export type ValueQuery = z.input<typeof ValueQuerySchema>;

export const ValuePageSchema = pageOf(IndicatorValueSchema);
export type ValuePage = z.infer<typeof ValuePageSchema>;
