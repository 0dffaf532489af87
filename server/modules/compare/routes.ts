import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangeQuerySchema,
  ChangeResultSchema,
  CompareQuerySchema,
  CompareResultSchema,
  ErrorEnvelopeSchema,
  HeatmapQuerySchema,
  HeatmapResultSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { roundChange } from './change-service';
import { groupHeatmap } from './heatmap-service';
import { compareCountry } from './service';

export function compareRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/compare',
      {
        schema: {
          tags: ['compare'],
          summary: 'One country against a peer group on every A–E indicator of a framework',
          querystring: CompareQuerySchema,
          response: { 200: CompareResultSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => compareCountry(database.db, { ...req.query, viewer: req.principal }),
    );
    r.get(
      '/api/compare/heatmap',
      {
        schema: {
          tags: ['compare'],
          summary:
            "Every member of a peer group on every A–E indicator (heatmap, map), with each indicator's level counts",
          querystring: HeatmapQuerySchema,
          response: { 200: HeatmapResultSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => groupHeatmap(database.db, { ...req.query, viewer: req.principal }),
    );
    r.get(
      '/api/compare/change',
      {
        schema: {
          tags: ['compare'],
          summary:
            "Change between two rounds for a peer group: per comparable question pair (the rounds' crosswalk), " +
            'who improved, stayed, regressed or did not answer; non-comparable pairs are listed, not compared',
          querystring: ChangeQuerySchema,
          response: { 200: ChangeResultSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => roundChange(database.db, { ...req.query, viewer: req.principal }),
    );
  };
}
