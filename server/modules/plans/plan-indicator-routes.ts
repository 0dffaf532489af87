import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreatePlanIndicatorSchema,
  DeleteQuerySchema,
  PlanIndicatorParamsSchema,
  PlanParamsSchema,
  PlanSchema,
  PutTargetsSchema,
  UpdatePlanIndicatorSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import {
  createPlanIndicator,
  deletePlanIndicator,
  putTargets,
  updatePlanIndicator,
} from './indicator-service';
import { tags, WRITE_ERRORS, ELEMENT_WRITE as write } from './route-schemas';

/** Tracking an indicator in a plan: adding, changing and dropping it, and replacing its targets. */
export function planIndicatorRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const w = { config: { access: 'write' as const } };

    r.post(
      '/api/plans/:planId/indicators',
      {
        ...w,
        schema: {
          tags,
          summary:
            'Track an indicator (a framework’s, or a national one defined here) with baseline and targets',
          description: write,
          params: PlanParamsSchema,
          body: CreatePlanIndicatorSchema,
          response: { 201: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createPlanIndicator(ctx, req.principal, req.params.planId, req.body)),
    );

    r.patch(
      '/api/plans/:planId/indicators/:planIndicatorId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Change a plan indicator (baseline, direction, objective …)',
          description: write,
          params: PlanIndicatorParamsSchema,
          body: UpdatePlanIndicatorSchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) =>
        updatePlanIndicator(ctx, req.principal, req.params.planId, req.params.planIndicatorId, req.body),
    );

    r.put(
      '/api/plans/:planId/indicators/:planIndicatorId/targets',
      {
        ...w,
        schema: {
          tags,
          summary: 'Replace a plan indicator’s targets (one per year)',
          description: write,
          params: PlanIndicatorParamsSchema,
          body: PutTargetsSchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => putTargets(ctx, req.principal, req.params.planId, req.params.planIndicatorId, req.body),
    );

    r.delete(
      '/api/plans/:planId/indicators/:planIndicatorId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Stop tracking an indicator (its targets go too)',
          description: write,
          params: PlanIndicatorParamsSchema,
          querystring: DeleteQuerySchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) =>
        deletePlanIndicator(
          ctx,
          req.principal,
          req.params.planId,
          req.params.planIndicatorId,
          req.query.version,
        ),
    );
  };
}
