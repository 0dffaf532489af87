import { z } from 'zod';

/** The one error envelope every API error uses. */
export const ErrorEnvelopeSchema = z.object({
  error: z.string().describe('HTTP reason phrase, e.g. Bad Request'),
  message: z.string().describe('What went wrong, naming the field or the resource'),
  statusCode: z.number().int(),
  requestId: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('One entry per invalid field'),
  current: z
    .unknown()
    .optional()
    .describe('On a 409 conflict: the current state of what you tried to change, and who changed it'),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

export const PaginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

export const HealthSchema = z.object({ status: z.literal('ok') });

/** What this deployment offers, for pages to show or hide what depends on it. */
export const ServerFeaturesSchema = z.object({
  mail: z.boolean().describe('The server sends e-mail (SMTP configured): daily digests, password links'),
});
export type ServerFeatures = z.infer<typeof ServerFeaturesSchema>;
export const ReadySchema = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
});
