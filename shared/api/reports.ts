import { z } from 'zod';
import { Iso3Schema } from '../domain/country';
import { ErrorEnvelopeSchema } from './common';
import { HeatmapQuerySchema } from './compare';
import { LocaleSchema } from './i18n';

/** Reports: the country M&E report (PDF) and the peer comparison report (PDF, XLSX). */

const year = z.coerce.number().int().min(1990).max(2100);
const lang = LocaleSchema.default('en').describe('Language of the report: en, fr, es or ar (right to left)');

export const CountryReportParamsSchema = z.object({ iso3: Iso3Schema });

export const CountryReportQuerySchema = z
  .object({
    plan: z.coerce
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe(
        "Plan id; the country's current plan by default (the one in force this year, else the latest)",
      ),
    from: year.optional().describe('First reporting year; the plan’s first year by default'),
    to: year.optional().describe('Last reporting year; the plan’s last year by default'),
    lang,
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.to < q.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must not be before from (${q.from})`,
        params: { code: 'not_before', other: 'from' },
      });
  });
export type CountryReportQuery = z.output<typeof CountryReportQuerySchema>;

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;

/** The heatmap's query (framework, period, groupType, group) plus the format, the case study and the language. */
export const ComparisonReportQuerySchema = HeatmapQuerySchema.extend({
  format: z.enum(REPORT_FORMATS).default('pdf'),
  case: z
    .union([Iso3Schema, z.literal('none')])
    .default('JOR')
    .describe('Case-study country shown against the group (ISO3; `none` for none); Jordan by default'),
  lang,
});
export type ComparisonReportQuery = z.output<typeof ComparisonReportQuerySchema>;

/** Errors of the report endpoints: the API's one envelope (400 names the field, 401/403/404). */
export const ReportErrorSchema = ErrorEnvelopeSchema;
