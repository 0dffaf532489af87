import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelopeSchema,
  FrameworkDetailSchema,
  FrameworkListSchema,
  FrameworkParamsSchema,
  IndicatorListQuerySchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { allFrameworks, frameworkIndicators, getFrameworkDetail, getIndicator } from './service';

export function frameworkRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const errors = { 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema };
    r.get(
      '/api/frameworks',
      {
        config: { access: 'read' },
        schema: {
          tags: ['frameworks'],
          summary: 'List indicator frameworks',
          response: { 200: FrameworkListSchema },
        },
      },
      async () => ({ items: await allFrameworks(database.db) }),
    );
    r.get(
      '/api/frameworks/:code',
      {
        config: { access: 'read' },
        schema: {
          tags: ['frameworks'],
          summary: 'One framework with its reporting periods',
          params: FrameworkParamsSchema,
          response: { 200: FrameworkDetailSchema, ...errors },
        },
      },
      async (req) => getFrameworkDetail(database.db, req.params.code),
    );
    r.get(
      '/api/frameworks/:code/indicators',
      {
        config: { access: 'read' },
        schema: {
          tags: ['frameworks'],
          summary: "A framework's indicators, in questionnaire order",
          params: FrameworkParamsSchema,
          querystring: IndicatorListQuerySchema,
          response: { 200: IndicatorListSchema, ...errors },
        },
      },
      async (req) => ({ items: await frameworkIndicators(database.db, req.params.code, req.query) }),
    );
    r.get(
      '/api/frameworks/:code/indicators/:indicatorCode',
      {
        config: { access: 'read' },
        schema: {
          tags: ['frameworks'],
          summary: 'One indicator',
          params: IndicatorParamsSchema,
          response: { 200: IndicatorSchema, ...errors },
        },
      },
      async (req) => getIndicator(database.db, req.params.code, req.params.indicatorCode),
    );
  };
}
