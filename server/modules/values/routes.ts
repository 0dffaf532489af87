import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CountryParamsSchema,
  CountryTrendSchema,
  ErrorEnvelopeSchema,
  NationalReportListSchema,
  NationalReportsQuerySchema,
  PutValueBodySchema,
  StoredValueSchema,
  ValueKeyParamsSchema,
  ValuePageSchema,
  ValueQuerySchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { nationalReports } from './national-reports';
import { listValues } from './service';
import { countryTrend } from './trend';
import { putValue } from './write-service';

const E = ErrorEnvelopeSchema;

export function valueRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/values',
      {
        config: { access: 'read' },
        schema: {
          tags: ['values'],
          summary: 'Indicator values by country, framework, indicator and period (paginated)',
          querystring: ValueQuerySchema,
          response: { 200: ValuePageSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => listValues(ctx, req.principal, req.query),
    );
    r.get(
      '/api/countries/:iso3/national-reports',
      {
        config: { access: 'read' },
        schema: {
          tags: ['values'],
          summary:
            "A country's own reports on a published framework's questions (beside the published answers)",
          description:
            'Values of the national indicators through which the country reports on the questions of a published ' +
            'framework (e.g. its own assessment of a TrACSS question in a reporting period), newest first, each ' +
            'with its source. The public sees approved reports only.',
          params: CountryParamsSchema,
          querystring: NationalReportsQuerySchema,
          response: { 200: NationalReportListSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => nationalReports(ctx, req.principal, req.params.iso3, req.query.framework),
    );
    r.get(
      '/api/countries/:iso3/trend',
      {
        config: { access: 'read' },
        schema: {
          tags: ['values'],
          summary: "A country's level in each TrACSS round, over the crosswalk's compared questions",
          description:
            'For every pair of questions the crosswalk between two published TrACSS rounds compares (comparable, or ' +
            "caution — with the note saying what changed), the country's published answer in each round, earlier " +
            'round first (e.g. 4.1 B in 2019–2020 → 2.1 C in 2025). Pairs that are not comparable are left out. ' +
            'Published rounds only.',
          params: CountryParamsSchema,
          response: { 200: CountryTrendSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => countryTrend(ctx, req.principal, req.params.iso3),
    );
    r.put(
      '/api/values/:country/:framework/:indicator/:period',
      {
        config: { access: 'write' },
        schema: {
          tags: ['values'],
          summary: 'Enter one indicator value (administrators; focal points of the country and sector)',
          description:
            'Creates the value (201) or changes it (200) in a national framework (national-<iso3>). Changing ' +
            'needs the version you read: a stale version is answered 409 and nothing is written. Published ' +
            'frameworks (TrACSS rounds) are read-only (403); a submitted or approved period is locked (409).',
          params: ValueKeyParamsSchema,
          body: PutValueBodySchema,
          response: {
            200: StoredValueSchema,
            201: StoredValueSchema,
            400: E,
            401: E,
            403: E,
            404: E,
            409: E,
          },
        },
      },
      async (req, reply) => {
        const { created, value } = await putValue(ctx, req.principal, req.params, req.body);
        return reply.code(created ? 201 : 200).send(value);
      },
    );
  };
}
