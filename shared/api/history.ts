import { z } from 'zod';
import { AUDIT_CHANNELS, HISTORY_VALUE_FIELDS } from '../constants/history';
import { TRANSITIONS } from '../constants/reporting';
import { MeasureTypeSchema } from '../domain/indicator';
import { LevelSchema } from '../domain/level';
import { ValueStatusSchema } from '../domain/value';
import { listOf } from './common';
import { EvidenceLinkSchema, UserRefSchema } from './values';

export * from '../constants/history';

/** Where a change came from; entries written before channels were recorded have none (null). */
export const HistoryChannelSchema = z
  .object({
    kind: z
      .enum(AUDIT_CHANNELS)
      .describe(
        'grid (a value saved in the data-entry grid), web (another change made in the app), upload (a ' +
          'spreadsheet uploaded to a period), token (an API token), import (a dataset or reference data ' +
          'loaded by the server), cli (the command line)',
      ),
    detail: z
      .string()
      .nullable()
      .describe("The uploaded or imported file's name, or the API token's name (as it was then)"),
  })
  .describe('Where the change came from');
export type HistoryChannel = z.infer<typeof HistoryChannelSchema>;

/**
 * One side (before or after) of a changed field, typed so that the client formats it in the reader's
 * language: numbers by measure type, yes/no as words, evidence as its links' titles.
 */
export const HistoryValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('empty') }),
  z.object({
    type: z.literal('number'),
    measure: z.enum(['number', 'count', 'percentage']),
    number: z.number(),
  }),
  z.object({ type: z.literal('ratio'), numerator: z.number(), denominator: z.number() }),
  z.object({ type: z.literal('yes_no'), answer: z.boolean() }),
  z.object({ type: z.literal('level'), level: LevelSchema }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('status'), status: ValueStatusSchema }),
  z.object({ type: z.literal('evidence'), links: z.array(EvidenceLinkSchema) }),
]);
export type HistoryValue = z.infer<typeof HistoryValueSchema>;

export const HistoryFieldChangeSchema = z.object({
  field: z.enum(HISTORY_VALUE_FIELDS).describe('Which part of the value changed'),
  from: HistoryValueSchema,
  to: HistoryValueSchema,
});
export type HistoryFieldChange = z.infer<typeof HistoryFieldChangeSchema>;

export const HistoryIndicatorSchema = z.object({
  planIndicatorId: z.number().int(),
  code: z.string(),
  name: z.string(),
  measureType: MeasureTypeSchema,
  unit: z.string().nullable(),
});

export const HistorySubmissionRefSchema = z
  .object({
    number: z
      .number()
      .int()
      .min(1)
      .describe('1 for the period’s first submission, 2 for the one after the first return or reopening …'),
    after: z
      .object({ action: z.enum(['return', 'reopen']), at: z.string() })
      .nullable()
      .describe('The return or reopening that opened this submission; null for the first'),
  })
  .describe('The submission the change belonged to, derived from the workflow steps');
export type HistorySubmissionRef = z.infer<typeof HistorySubmissionRefSchema>;

export const PeriodHistoryEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    action: z.enum(['create', 'update']),
    indicator: HistoryIndicatorSchema,
    changes: z.array(HistoryFieldChangeSchema).describe('The fields that changed, before → after'),
  }),
  z.object({
    kind: z.literal('workflow'),
    action: z.enum(TRANSITIONS),
    reason: z.string().nullable().describe('The reason given for a return or a reopening'),
  }),
]);
export type PeriodHistoryEvent = z.infer<typeof PeriodHistoryEventSchema>;

export const PeriodHistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: UserRefSchema.nullable(),
  channel: HistoryChannelSchema.nullable(),
  submission: HistorySubmissionRefSchema.nullable(),
  event: PeriodHistoryEventSchema,
});
export type PeriodHistoryEntry = z.infer<typeof PeriodHistoryEntrySchema>;
export const PeriodHistorySchema = listOf(PeriodHistoryEntrySchema);
export type PeriodHistory = z.infer<typeof PeriodHistorySchema>;
