import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorEnvelopeSchema as E,
  PERIOD_SHEET_LIMITS,
  PeriodImportFormSchema,
  PeriodImportQuerySchema,
  PeriodImportResultSchema,
  PlanPeriodParamsSchema,
} from '../../../shared';
import { uploadConfig, uploadedFile } from '../../plugins/uploads';
import type { ServiceContext } from '../../service-context';
import { importPeriodSheet, periodTemplate } from './service';

const tags = ['workflow'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spreadsheet round trip of a reporting period. */
export function periodSheetRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/periods/:periodId/template.xlsx',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The period’s XLSX template: one row per plan indicator, pre-filled, with drop-down lists',
          params: PlanPeriodParamsSchema,
          response: { 200: z.any().describe('The .xlsx file'), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => {
        const file = await periodTemplate(ctx, req.principal, req.params.periodId);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.data);
      },
    );
    r.post(
      '/api/periods/:periodId/import',
      {
        config: { access: 'write', ...uploadConfig(PERIOD_SHEET_LIMITS) },
        schema: {
          tags,
          summary:
            'Upload the filled template (.xlsx or .csv) as multipart/form-data. Dry run by default: every ' +
            'row as new, changed, unchanged or error; applying writes all rows or none (422 naming each problem)',
          params: PlanPeriodParamsSchema,
          querystring: PeriodImportQuerySchema,
          consumes: ['multipart/form-data'],
          body: PeriodImportFormSchema,
          response: { 200: PeriodImportResultSchema, 400: E, 401: E, 403: E, 404: E, 409: E, 413: E, 422: E },
        },
      },
      async (req) =>
        importPeriodSheet(ctx, req.principal, req.params.periodId, await uploadedFile(req.body.file), {
          dryRun: req.query.dryRun,
          locale: req.query.locale,
        }),
    );
  };
}
