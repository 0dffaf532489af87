import { z } from 'zod';

/**
 * `true` when each type is assignable to the other and they have the same keys (an optional key only one
 * of them has would pass assignability): the check that a type written out by hand, to keep a file
 * zod-free, says the same as the schema it mirrors. `[A]` keeps unions from distributing.
 */
export type SameShape<A, B> = [A, keyof A] extends [B, keyof B]
  ? [B, keyof B] extends [A, keyof A]
    ? true
    : false
  : false;

const IssueParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One problem with one field: its path, an English message, and a stable code with parameters. */
export const IssueSchema = z.object({
  path: z.string().describe('The field, e.g. body.value.percentage or roles.0.country'),
  message: z.string().describe('What is wrong, in English'),
  code: z.string().optional().describe('Stable code (too_big, required, unknown_country …) to translate'),
  params: IssueParamsSchema.optional().describe("The code's parameters, e.g. {max: 100}"),
});

/** The one error envelope every API error uses. */
export const ErrorEnvelopeSchema = z.object({
  error: z.string().describe('HTTP reason phrase, e.g. Bad Request'),
  message: z.string().describe('What went wrong, naming the field or the resource'),
  statusCode: z.number().int(),
  requestId: z.string(),
  code: z
    .string()
    .optional()
    .describe(
      'Stable code of the failure (invalid_input, not_found, stale, rate_limited …), for clients to translate',
    ),
  params: IssueParamsSchema.optional().describe("The code's parameters (e.g. retryAfter)"),
  issues: z.array(IssueSchema).optional().describe('One entry per invalid field'),
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
