import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdxMappingDocSchema,
  AdxQuerySchema,
  ErrorEnvelopeSchema as E,
  ExportQuerySchema,
  PutAdxMappingBodySchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { type ExportFile, exportAdx, exportValues, getAdxMapping, putAdxMapping } from './service';

const tags = ['exports'];

function send(reply: FastifyReply, f: ExportFile) {
  for (const [k, v] of Object.entries(f.headers)) reply.header(k, v);
  return reply
    .type(f.contentType)
    .header('content-disposition', `attachment; filename="${f.fileName}"`)
    .header('cache-control', 'no-store')
    .send(f.body);
}

/** Data exports: tidy values as CSV/XLSX/JSON/NDJSON, ADX for DHIS2, and the ADX mapping. */
export function exportRoutes(ctx: ServiceContext, database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/exports/values',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'Tidy export: one row per country × indicator × period (CSV, XLSX, JSON or NDJSON), streamed',
          description:
            'Same permissions as the values. status=all adds drafts for the countries whose drafts you may ' +
            'read (a role in the country, facilitators, administrators) and approved values elsewhere; the ' +
            'x-export-drafts header names where drafts are in (all, none, or ISO3 codes).',
          querystring: ExportQuerySchema,
          response: { 200: z.any().describe('The file'), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => send(reply, await exportValues(ctx, database, req.principal, req.query)),
    );
    r.get(
      '/api/exports/adx',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'ADX (IHE QRPH aggregate data exchange, as DHIS2 imports it) of approved values',
          description:
            'Codes go through the stored mapping (GET /api/exports/adx-mapping). Values ADX cannot carry ' +
            '(text, no data, not applicable) and, with a strict mapping, values of unmapped codes are left out ' +
            'and counted in the x-adx-skipped and x-adx-skipped-count headers. 404 when no value remains.',
          querystring: AdxQuerySchema,
          response: { 200: z.any().describe('application/adx+xml'), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => send(reply, await exportAdx(ctx, database, req.principal, req.query)),
    );
    r.get(
      '/api/exports/adx-mapping',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'The ADX code mapping (administrators); version 0: none stored, our own codes',
          response: { 200: AdxMappingDocSchema, 401: E, 403: E },
        },
      },
      async (req) => getAdxMapping(ctx, req.principal),
    );
    r.put(
      '/api/exports/adx-mapping',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Replace the ADX code mapping (administrators); send the version you read',
          body: PutAdxMappingBodySchema,
          response: { 200: AdxMappingDocSchema, 400: E, 401: E, 403: E, 409: E },
        },
      },
      async (req) => putAdxMapping(ctx, req.principal, req.body.mapping, req.body.version),
    );
  };
}
