import { z } from 'zod';

// The fields the plan editing contracts share (plans, objectives, activities, plan indicators).

export const id = z.coerce.number().int().min(1).max(2_147_483_647);
export const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .describe('The version you read (409 when someone changed it meanwhile)');
export const year = z.number().int().min(1990).max(2100);
export const money = z.number().finite().min(0).max(999_999_999_999.99);
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code');
export const isoDate = z.iso.date();
export const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** `field` comes before `other`, which it must not (the client words the issue from its params). */
export function notBefore(ctx: z.RefinementCtx, field: string, other: string) {
  ctx.addIssue({
    code: 'custom',
    path: [field],
    message: `must not be before ${other}`,
    params: { code: 'not_before', other },
  });
}
