import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ComparisonReportQuerySchema,
  CountryReportParamsSchema,
  CountryReportQuerySchema,
  ReportErrorSchema as E,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { readScope } from '../visibility/scope';
import { reportI18n } from './i18n';

// pdfkit, @napi-rs/canvas, Chart.js and the fonts take ~0.8 s to load: load them with the first report,
// not at start-up (restart budget 1.5 s; docs/decisions/lazy-response-schemas.md).
const countryReport = () => import('./country-report');
const comparisonReport = () =>
  Promise.all([import('./comparison-data'), import('./comparison-pdf'), import('./comparison-xlsx')]);

const tags = ['reports'];
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reports: the country M&E report and the peer comparison report, as files to download. */
export function reportRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/reports/country/:iso3',
      {
        // Then the plan rules: drafts only for users with a role in the country, facilitators and admins.
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'A country’s M&E report (PDF): summary, progress, peer comparison, implementation, data quality',
          params: CountryReportParamsSchema,
          querystring: CountryReportQuerySchema,
          response: { 200: z.any().describe('The PDF file'), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => {
        const { renderCountryReport } = await countryReport();
        const report = await renderCountryReport(ctx, {
          iso3: req.params.iso3,
          ...req.query,
          principal: req.principal,
        });
        return reply
          .type(PDF)
          .header('content-disposition', `attachment; filename="${report.filename}"`)
          .header('cache-control', 'no-store')
          .send(report.pdf);
      },
    );
    r.get(
      '/api/reports/comparison',
      {
        // Many countries at once: as the comparisons, only roles that read every country when data is not public.
        config: { access: 'read-all' },
        schema: {
          tags,
          summary:
            'A peer group compared on a framework’s A–E questions (PDF or XLSX): levels, rank, heatmap',
          querystring: ComparisonReportQuerySchema,
          response: { 200: z.any().describe('The PDF or XLSX file'), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const [{ comparisonData }, { comparisonPdf }, { comparisonXlsx }] = await comparisonReport();
        const data = await comparisonData(
          ctx.db,
          q,
          req.principal,
          readScope(ctx.policy, req.principal),
          ctx.now(),
        );
        const i18n = reportI18n(q.lang);
        const xlsx = q.format === 'xlsx';
        const body = xlsx ? await comparisonXlsx(data, i18n) : await comparisonPdf(data, i18n);
        const name = `NAP-comparison-${data.heatmap.group.key}-${data.heatmap.period}.${q.format}`.replace(
          /[^\w.-]+/g,
          '_',
        );
        return reply
          .type(xlsx ? XLSX : PDF)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
}
