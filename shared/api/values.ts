import { z } from 'zod';
import { Iso3Schema } from '../domain/country';
import { LevelSchema } from '../domain/level';
import { IndicatorValueSchema, ValueStatusSchema } from '../domain/value';
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

export const ValueKeyParamsSchema = z.object({
  country: Iso3Schema,
  framework: FrameworkCodeSchema,
  indicator: z.string().trim().min(1).max(32),
  period: z.string().trim().min(1).max(32),
});

/** The answer, by the indicator's measure type (the server checks that the type matches). */
export const ValueInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('level'), level: LevelSchema }),
  z.object({ type: z.literal('yes_no'), answer: z.boolean() }),
  z.object({ type: z.literal('number'), number: z.number().finite().min(-1e15).max(1e15) }),
  z.object({ type: z.literal('percentage'), percentage: z.number().min(0).max(100) }),
  z.object({
    type: z.literal('ratio'),
    numerator: z.number().finite().min(-1e15).max(1e15),
    denominator: z
      .number()
      .finite()
      .min(-1e15)
      .max(1e15)
      .refine((d) => d !== 0, 'must not be 0'),
  }),
  z.object({ type: z.literal('text'), text: z.string().trim().min(1, 'is required').max(2000) }),
]);
export type ValueInput = z.infer<typeof ValueInputSchema>;

export const PutValueBodySchema = z
  .object({
    status: ValueStatusSchema,
    value: ValueInputSchema.optional().describe('Required when status is reported; absent otherwise'),
    version: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe('The version you read; required to change an existing value (409 when stale)'),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'reported' && !b.value) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required when status is reported' });
    }
    if (b.status !== 'reported' && b.value) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be absent when status is ${b.status}` });
    }
  });
export type PutValueBody = z.infer<typeof PutValueBodySchema>;

export const StoredValueSchema = IndicatorValueSchema.extend({
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StoredValue = z.infer<typeof StoredValueSchema>;
