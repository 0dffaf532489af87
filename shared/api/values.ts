import { z } from 'zod';
import { Iso3Schema } from '../domain/country';
import { LevelSchema } from '../domain/level';
import { domainNumber } from '../domain/number';
import { ProvenanceSchema } from '../domain/provenance';
import { IndicatorValueSchema, TEXT_VALUE_MAX, ValueStatusSchema } from '../domain/value';
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
  params: { code: 'required_when', field: 'indicator' },
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

const NOT_NEGATIVE = 'must not be negative';
const PERCENT = 'must be between 0 and 100';

/**
 * The answer, by the indicator's measure type (the server checks that the type matches), within the
 * bounds of its kind: a count is whole and not negative, a percentage 0–100, a ratio's numerator and
 * denominator are not negative and the denominator not 0.
 */
export const ValueInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('level'), level: LevelSchema }),
  z.object({ type: z.literal('yes_no'), answer: z.boolean() }),
  z.object({ type: z.literal('number'), number: domainNumber() }),
  z.object({
    type: z.literal('count'),
    count: domainNumber().int('must be a whole number').min(0, NOT_NEGATIVE),
  }),
  z.object({ type: z.literal('percentage'), percentage: domainNumber().min(0, PERCENT).max(100, PERCENT) }),
  z.object({
    type: z.literal('ratio'),
    numerator: domainNumber().min(0, NOT_NEGATIVE),
    denominator: domainNumber()
      .refine((d) => d !== 0, { message: 'must not be 0', params: { code: 'not_zero' } })
      .min(0, NOT_NEGATIVE),
  }),
  z.object({
    type: z.literal('text'),
    text: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(TEXT_VALUE_MAX, `must be at most ${TEXT_VALUE_MAX} characters`),
  }),
]);
export type ValueInput = z.infer<typeof ValueInputSchema>;

export const EvidenceLinkSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(2000)
    .describe('Where the evidence is (a report, a decree, a dataset)'),
  title: z.string().trim().min(1, 'is required').max(300),
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const PutValueBodySchema = z
  .object({
    status: ValueStatusSchema,
    value: ValueInputSchema.optional().describe('Required when status is reported; absent otherwise'),
    reason: z
      .string()
      .trim()
      .max(500)
      .optional()
      .describe('Why there is no value: required when status is no_data or not_applicable'),
    comment: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('A comment on the value; kept with the earlier ones when it changes'),
    evidence: z
      .array(EvidenceLinkSchema)
      .max(10)
      .optional()
      .describe('Evidence links (at most 10); when sent, they replace the value’s links'),
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
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'is required when status is reported',
        params: { code: 'required_when', field: 'status', value: 'reported' },
      });
    }
    if (b.status !== 'reported' && b.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be absent when status is ${b.status}`,
        params: { code: 'absent_when', field: 'status', value: b.status },
      });
    }
    // No data and not applicable are explicit, and each needs a reason.
    if (b.status !== 'reported' && !b.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `is required when status is ${b.status}`,
        params: { code: 'required_when', field: 'status', value: b.status },
      });
    }
  });
export type PutValueBody = z.infer<typeof PutValueBodySchema>;

/** What the data-entry grid sends: the API body (the reason rule is the API's own). */
export const EntryValueBodySchema = PutValueBodySchema;

export const UserRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const StoredValueSchema = IndicatorValueSchema.extend({
  statusReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: UserRefSchema.nullable().describe('Who wrote this version (null: imported)'),
  comment: z.string().nullable().describe('The latest comment'),
  evidence: z.array(EvidenceLinkSchema),
});
export type StoredValue = z.infer<typeof StoredValueSchema>;

/** A country's own reports on a published framework's questions (GET /api/countries/{iso3}/national-reports). */
export const NationalReportsQuerySchema = z.object({
  framework: FrameworkCodeSchema.describe('A published framework, e.g. tracss-2019-2020'),
});
export type NationalReportsQuery = z.input<typeof NationalReportsQuerySchema>;

export const NationalReportSchema = z.object({
  questionId: z.number().int().describe('The published question reported on'),
  questionCode: z.string(),
  indicatorCode: z.string().describe('The country’s national indicator following the question'),
  frameworkCode: z.string().describe('The country’s national framework (national-<iso3>)'),
  periodCode: z.string().describe('The reporting period'),
  year: z.number().int().describe('The year the period ends'),
  status: ValueStatusSchema,
  level: LevelSchema.nullable(),
  numericValue: z.number().nullable(),
  textValue: z.string().nullable(),
  source: ProvenanceSchema.describe('national_approved, or national_draft / demo for who may see them'),
});
export type NationalReport = z.infer<typeof NationalReportSchema>;

export const NationalReportListSchema = z.object({
  framework: z.string(),
  items: z
    .array(NationalReportSchema)
    .describe('Every report the caller may see, newest period first (the public: approved reports only)'),
});
export type NationalReportList = z.infer<typeof NationalReportListSchema>;
