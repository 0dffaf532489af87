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
import type { ServiceContext } from '../../service-context';
import { type ReadScope, readScope, scopeKey } from '../visibility/scope';
import { roundChange } from './change-service';
import { groupHeatmap } from './heatmap-service';
import { dataVersionReader, ResponseCache, sendCached } from './response-cache';
import { compareCountry } from './service';

/**
 * The cache key of a comparison: its parsed query; who asks when the group is a saved one; and, for
 * national reports, what the caller may see of them (server/modules/visibility) — so an answer
 * computed for a signed-in user never reaches the public. Published data is the same for everyone.
 */
function cacheKey(
  route: string,
  query: { groupType: string; source?: string },
  userId: number | undefined,
  scope: ReadScope,
): string {
  const saved = query.groupType === 'saved' ? `#${userId ?? 0}` : '';
  const national = query.source === 'national' ? `#${scopeKey(scope)}` : '';
  return `${route}?${JSON.stringify(query)}${saved}${national}`;
}

/** cacheEntries: answers kept per process (least recently used out); 0 computes every request. */
export function compareRoutes(ctx: ServiceContext, database: Database, cacheEntries = 256) {
  const cache = new ResponseCache(cacheEntries);
  const db = database.db;
  const versions = dataVersionReader(db);
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
      (req, reply) => {
        const scope = readScope(ctx.policy, req.principal);
        return sendCached(req, reply, {
          versions,
          cache,
          key: cacheKey('compare', req.query, req.principal?.userId, scope),
          schema: CompareResultSchema,
          compute: () => compareCountry(db, { ...req.query, viewer: req.principal, scope }),
        });
      },
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
      (req, reply) => {
        const scope = readScope(ctx.policy, req.principal);
        return sendCached(req, reply, {
          versions,
          cache,
          key: cacheKey('heatmap', req.query, req.principal?.userId, scope),
          schema: HeatmapResultSchema,
          compute: () => groupHeatmap(db, { ...req.query, viewer: req.principal, scope }),
        });
      },
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
