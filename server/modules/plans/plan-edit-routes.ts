import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CountryPlansParamsSchema,
  CreatePlanSchema,
  ErrorEnvelopeSchema as E,
  HistoryListSchema,
  PlanHistoryQuerySchema,
  PlanParamsSchema,
  PlanSchema,
  UpdatePlanSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { createPlan, planHistory, updatePlan } from './plan-write-service';
import { tags, WRITE_ERRORS } from './route-schemas';

/**
 * Creating and changing a plan itself, and its history (its elements' routes are in element-routes.ts
 * and plan-indicator-routes.ts).
 */
export function planEditRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/countries/:iso3/plans',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Create a national action plan (draft by default; the next generation unless given)',
          description: 'Administrators and the country’s focal points. Audited.',
          params: CountryPlansParamsSchema,
          body: CreatePlanSchema,
          response: { 201: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createPlan(ctx, req.principal, req.params.iso3, req.body)),
    );
    r.patch(
      '/api/plans/:planId',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Change a plan: title, years, status, generation, source',
          description:
            'Administrators and the country’s focal points. Send the version you read (409 when stale).',
          params: PlanParamsSchema,
          body: UpdatePlanSchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => updatePlan(ctx, req.principal, req.params.planId, req.body),
    );
    r.get(
      '/api/plans/:planId/history',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Who changed the plan and its elements, when, old → new (newest first, at most 500)',
          description: 'Readable by whoever may read the plan. Filter with entityType (and entityId).',
          params: PlanParamsSchema,
          querystring: PlanHistoryQuerySchema,
          response: { 200: HistoryListSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => planHistory(ctx, req.principal, req.params.planId, req.query),
    );
  };
}
