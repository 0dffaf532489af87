import { z } from 'zod';
import { COMMENT_MAX_LENGTH, REASON_MAX_LENGTH } from '../constants/reporting';
import { Iso3Schema } from '../domain/country';
import { FollowedQuestionSchema, IndicatorSchema } from '../domain/indicator';
import { LevelSchema } from '../domain/level';
import { ValidationRulesSchema } from '../domain/plan';
import { ProvenanceSchema } from '../domain/provenance';
import { DueStateSchema, PeriodKindSchema, SubmissionStateSchema } from '../domain/reporting';
import { PublishedAnswerSchema, ValueStatusSchema } from '../domain/value';
import { NOTICE_CODES, type NoticeParams } from '../i18n/notices';
import { listOf } from './common';
import { HistoryChannelSchema } from './history';
import { StoredValueSchema, UserRefSchema } from './values';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
export const PlanPeriodParamsSchema = z.object({ periodId: id });
export const NotificationParamsSchema = z.object({ notificationId: id });

export const CreatePlanPeriodSchema = z
  .object({
    kind: PeriodKindSchema,
    year: z.number().int().min(1990).max(2100),
    quarter: z.number().int().min(1).max(4).optional().describe('Required when kind is quarter'),
    dueDate: z.iso.date().describe('When the data is due (YYYY-MM-DD)'),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'quarter' && b.quarter === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['quarter'],
        message: 'is required when kind is quarter',
        params: { code: 'required_when', field: 'kind', value: 'quarter' },
      });
    if (b.kind === 'year' && b.quarter !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['quarter'],
        message: 'must be absent when kind is year',
        params: { code: 'absent_when', field: 'kind', value: 'year' },
      });
  });
export type CreatePlanPeriod = z.infer<typeof CreatePlanPeriodSchema>;

const version = z.number().int().min(1).max(2_147_483_647).describe('The submission version you read');
export const SubmitBodySchema = z.object({ version });
export const ReasonBodySchema = z.object({
  reason: z.string().trim().min(1, 'is required').max(REASON_MAX_LENGTH),
  version,
});
export type ReasonBody = z.infer<typeof ReasonBodySchema>;

const step = { by: UserRefSchema.nullable(), at: z.string().nullable() };
export const SubmissionSchema = z.object({
  id: z.number().int(),
  countryIso3: z.string(),
  state: SubmissionStateSchema,
  reason: z.string().nullable().describe('Reason of the last return or reopening'),
  version: z.number().int(),
  submitted: z.object(step),
  approved: z.object(step),
  returned: z.object(step),
  reopened: z.object(step),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const PlanPeriodSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  code: z.string(),
  kind: PeriodKindSchema,
  startDate: z.string(),
  endDate: z.string(),
  dueDate: z.string(),
  dueState: DueStateSchema,
  demo: z.boolean().describe("The embedded database's demo period: its values are demo data"),
  submission: SubmissionSchema,
});
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;
export const PlanPeriodListSchema = listOf(PlanPeriodSchema);

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  at: z.string(),
  user: UserRefSchema.nullable(),
  old: z.record(z.string(), z.unknown()).nullable(),
  new: z.record(z.string(), z.unknown()).nullable(),
  channel: HistoryChannelSchema.nullable().default(null),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = listOf(AuditEntrySchema);

export const PreviousValueSchema = z.object({
  periodCode: z.string(),
  status: ValueStatusSchema,
  level: LevelSchema.nullable(),
  numericValue: z.number().nullable(),
  textValue: z.string().nullable(),
  source: ProvenanceSchema,
});
export type PreviousValue = z.infer<typeof PreviousValueSchema>;

/** A validator's comment on one value of a submitted period (the focal point sees it in the grid). */
export const ValidatorCommentSchema = z.object({
  body: z.string(),
  by: UserRefSchema.nullable().describe('The validator (null: the account was deleted)'),
  at: z.string(),
});
export type ValidatorComment = z.infer<typeof ValidatorCommentSchema>;

export const ValidatorCommentBodySchema = z.object({
  comment: z.string().trim().min(1, 'is required').max(COMMENT_MAX_LENGTH),
});
export type ValidatorCommentBody = z.infer<typeof ValidatorCommentBodySchema>;

export const JumpBaseSchema = z
  .object({ periodCode: z.string(), value: z.number() })
  .describe(
    "The value of the plan's previous period (same kind: the year before, the quarter before) that a " +
      'jump is measured against',
  );

export const EntryRowSchema = z.object({
  planIndicatorId: z.number().int(),
  indicator: IndicatorSchema,
  frameworkPeriodCode: z
    .string()
    .nullable()
    .describe("The indicator framework's period holding this report (null: not collected then)"),
  value: StoredValueSchema.nullable(),
  previous: z.array(PreviousValueSchema).describe('Earlier periods, newest first (at most 5)'),
  follows: FollowedQuestionSchema.nullable(),
  published: PublishedAnswerSchema.nullable().describe(
    "For an indicator following a published question: the country's latest published answer, for reference",
  ),
  rules: ValidationRulesSchema.nullable()
    .optional()
    .describe("The plan indicator's validation rules (null or absent: none)"),
  jumpBase: JumpBaseSchema.nullable()
    .optional()
    .describe("The previous period's value, when the indicator has a jump rule and there is one"),
  validatorComment: ValidatorCommentSchema.nullable()
    .optional()
    .describe("The latest validator's comment on this value (not shown to the public)"),
});
export type EntryRow = z.infer<typeof EntryRowSchema>;

export const CompletenessSchema = z.object({
  entered: z.number().int().describe('Values entered (a value, no data or not applicable)'),
  expected: z.number().int().describe('Plan indicators collected in the period'),
});

export const EntryGridSchema = z.object({
  plan: z.object({ id: z.number().int(), title: z.string(), countryIso3: z.string() }),
  period: PlanPeriodSchema,
  locked: z
    .boolean()
    .describe(
      'Submitted (until a validator returns it) or approved (until a validator reopens it): values cannot change',
    ),
  rows: z.array(EntryRowSchema),
  completeness: CompletenessSchema,
  history: z.array(AuditEntrySchema).describe("The submission's workflow steps, newest first"),
});
export type EntryGrid = z.infer<typeof EntryGridSchema>;

export const DueItemSchema = CompletenessSchema.extend({
  countryIso3: Iso3Schema,
  countryName: z.string(),
  planId: z.number().int(),
  planTitle: z.string(),
  periodId: z.number().int(),
  periodCode: z.string(),
  dueDate: z.string(),
  state: DueStateSchema,
});
export type DueItem = z.infer<typeof DueItemSchema>;

export const DueSchema = z.object({
  items: z.array(DueItemSchema).describe('Periods of the countries where you are focal point or validator'),
  completeness: z
    .array(DueItemSchema)
    .describe(
      'Per country, its latest period that has started (validators: their countries; facilitators and administrators: every country)',
    ),
});
export type Due = z.infer<typeof DueSchema>;

export const NoticeParamsSchema = z.object({
  country: z.string().describe('ISO3 of the country'),
  countryName: z.string().describe("The country's stored (English) name"),
  period: z.string().describe("The period's code (2024, 2024-Q1)"),
  plan: z.string().describe("The plan's title"),
  actor: z.string().describe('Who returned, approved or reopened it'),
  reason: z.string().nullable().optional().describe('The reason given on return or reopening'),
}) satisfies z.ZodType<NoticeParams>;

export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['returned', 'approved', 'reopened']),
  periodId: z.number().int(),
  countryIso3: z.string(),
  code: z
    .enum(NOTICE_CODES)
    .nullable()
    .describe(
      "What happened, to word in the reader's language with params; null for notices sent before codes",
    ),
  params: NoticeParamsSchema.nullable(),
  message: z.string().describe('The notice in English (older notices: the only text)'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationListSchema = listOf(NotificationSchema).extend({ unread: z.number().int() });
