import { z } from 'zod';
import { FrameworkSchema, IndicatorSchema, MeasureTypeSchema } from '../domain/indicator';
import { PeriodSchema } from '../domain/value';
import { listOf } from './common';

const FrameworkCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

export const FrameworkParamsSchema = z.object({ code: FrameworkCodeSchema });
export const FrameworkListSchema = listOf(FrameworkSchema);
export const FrameworkDetailSchema = FrameworkSchema.extend({ periods: z.array(PeriodSchema) });
export type FrameworkDetail = z.infer<typeof FrameworkDetailSchema>;

export const IndicatorListQuerySchema = z.object({
  measureType: MeasureTypeSchema.optional(),
});
export const IndicatorListSchema = listOf(IndicatorSchema);
export type IndicatorList = z.infer<typeof IndicatorListSchema>;
export const IndicatorParamsSchema = z.object({
  code: FrameworkCodeSchema,
  indicatorCode: z.string().trim().min(1).max(32),
});

export { FrameworkCodeSchema };
