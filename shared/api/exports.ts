import { z } from 'zod';
import { Iso3Schema } from '../domain/country';
import { MeasureTypeSchema } from '../domain/indicator';
import { ProgressStatusSchema } from '../domain/progress';
import { ProvenanceSchema } from '../domain/provenance';
import { ValueStatusSchema } from '../domain/value';
import { PeerGroupTypeSchema } from './compare';
import { FrameworkCodeSchema } from './frameworks';

/** Zod-free, for the client's first page (docs/decisions/lazy-response-schemas.md). */
export { exportQueryString } from '../constants/export-query';

/** Data exports: tidy values as CSV, XLSX, JSON or NDJSON, and ADX for DHIS2. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'ndjson'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A value outside any reporting workflow (reference data imported from its source) is "published". */
export const EXPORT_WORKFLOW_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export const ExportWorkflowStateSchema = z.enum(EXPORT_WORKFLOW_STATES);

const MAX_COUNTRIES = 300;
const Year = z.coerce.number().int().min(1990).max(2100);

const CountryListSchema = z
  .string()
  .trim()
  .max(MAX_COUNTRIES * 4)
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(Iso3Schema).max(MAX_COUNTRIES))
  .describe('ISO3 codes, comma-separated (JOR,LBN); omitted: every country you may read');

/** The filters every export shares (the ADX export reads approved values only). */
const ExportFilterObject = z.object({
  countries: CountryListSchema.optional(),
  plan: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('A plan id'),
  framework: FrameworkCodeSchema.optional(),
  from: Year.optional().describe('First year (the year a period ends)'),
  to: Year.optional().describe('Last year'),
  groupType: PeerGroupTypeSchema.optional().describe('A peer group, as the comparison views take it'),
  group: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('The group’s key (see GET /api/compare); its members add to countries'),
});
const fromNotAfterTo = (q: { from?: number | undefined; to?: number | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const FROM_AFTER_TO = {
  message: 'must not be after to',
  path: ['from'],
  params: { code: 'not_before', other: 'from' },
};

export const AdxQuerySchema = ExportFilterObject.refine(fromNotAfterTo, FROM_AFTER_TO);
export type AdxQuery = z.output<typeof AdxQuerySchema>;

export const ExportQuerySchema = ExportFilterObject.extend({
  format: ExportFormatSchema.default('csv'),
  status: z
    .enum(['approved', 'all'])
    .default('approved')
    .describe('approved (default): approved and published values; all: drafts too, where you may read them'),
  bom: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('CSV only: start with a UTF-8 byte order mark (Excel needs it to read UTF-8)'),
}).refine(fromNotAfterTo, FROM_AFTER_TO);
export type ExportQuery = z.output<typeof ExportQuerySchema>;
export type ExportQueryInput = z.input<typeof ExportQuerySchema>;

/** The columns that say one value (its number or level, its status and why), in the export and the period sheet alike. */
export const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'level', 'status', 'reason'] as const;

/** The columns of the tidy export, in order (CSV header, XLSX values sheet, JSON keys). */
export const EXPORT_COLUMNS = [
  'country',
  'country_name',
  'framework',
  'plan_id',
  'plan_period',
  'indicator',
  'indicator_name',
  'period',
  'period_label',
  'year',
  'measure_type',
  'unit',
  ...VALUE_COLUMNS,
  'target',
  'progress',
  'workflow',
  'source',
  'target_source',
  'progress_source',
  'updated_at',
] as const;

/** One row of the tidy export: a country × indicator × period value. */
export const ExportRowSchema = z.object({
  country: z.string().length(3),
  country_name: z.string(),
  framework: z.string(),
  plan_id: z.number().int().nullable(),
  plan_period: z.string().nullable().describe('The plan’s reporting period holding the value'),
  indicator: z.string(),
  indicator_name: z.string(),
  period: z.string(),
  period_label: z.string(),
  year: z.number().int(),
  measure_type: MeasureTypeSchema,
  unit: z.string().nullable(),
  value: z.union([z.number(), z.string()]).nullable().describe('Number, level letter, yes/no or text'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  level: z.string().nullable(),
  status: ValueStatusSchema,
  reason: z.string().nullable(),
  target: z.union([z.number(), z.string()]).nullable().describe('The plan target in force for the year'),
  progress: ProgressStatusSchema.nullable(),
  workflow: ExportWorkflowStateSchema,
  source: ProvenanceSchema.describe(
    'Where the value comes from: published (a TrACSS round), national_approved, national_draft or demo',
  ),
  target_source: ProvenanceSchema.nullable().describe(
    'Where the target comes from: illustrative when it was made up to fill a gap; null without a target',
  ),
  progress_source: ProvenanceSchema.nullable().describe(
    'Where the progress status comes from: the least trusted of the value and the target',
  ),
  updated_at: z.string(),
});
export type ExportRow = z.infer<typeof ExportRowSchema>;

const Token = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:/-]+$/, 'must be letters, digits and _ . : / -');

/**
 * Our codes → the receiving system's codes. Keys: country ISO3 (orgUnits), "framework:indicator"
 * (dataElements), framework code (dataSets). Missing keys use our own code unless `strict`, which
 * leaves their values out (listed in the export's x-adx-skipped header).
 */
export const AdxMappingSchema = z.object({
  strict: z.boolean().default(false),
  dataSets: z.record(FrameworkCodeSchema, Token).default({}),
  orgUnits: z.record(Iso3Schema, Token).default({}),
  dataElements: z
    .record(
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[a-z0-9-]+:.+$/, 'keys are framework:indicator'),
      Token,
    )
    .default({}),
  levels: z
    .object({
      attribute: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an XML attribute name'),
      options: z.object({ A: Token, B: Token, C: Token, D: Token, E: Token }),
    })
    .nullable()
    .default(null)
    .describe('Level answers as a category option with value 1; null: the level’s score 1–5'),
});
export type AdxMapping = z.output<typeof AdxMappingSchema>;
export type AdxMappingInput = z.input<typeof AdxMappingSchema>;

export const AdxMappingDocSchema = z.object({
  mapping: AdxMappingSchema,
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export const PutAdxMappingBodySchema = z.object({
  mapping: AdxMappingSchema,
  version: z.number().int().min(0).max(2_147_483_647).describe('The version you read (0: none yet)'),
});
