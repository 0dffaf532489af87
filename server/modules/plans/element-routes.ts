import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ActivityParamsSchema,
  CreateActivitySchema,
  CreateObjectiveSchema,
  DeleteQuerySchema,
  ObjectiveParamsSchema,
  PlanParamsSchema,
  PlanSchema,
  UpdateActivitySchema,
  UpdateObjectiveSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import {
  createActivity,
  createObjective,
  deleteActivity,
  deleteObjective,
  updateActivity,
  updateObjective,
} from './element-service';
import { tags, WRITE_ERRORS, ELEMENT_WRITE as write } from './route-schemas';

/** Adding, changing and deleting a plan's strategic objectives and activities. */
export function elementRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const w = { config: { access: 'write' as const } };

    r.post(
      '/api/plans/:planId/objectives',
      {
        ...w,
        schema: {
          tags,
          summary: 'Add a strategic objective',
          description: write,
          params: PlanParamsSchema,
          body: CreateObjectiveSchema,
          response: { 201: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createObjective(ctx, req.principal, req.params.planId, req.body)),
    );

    r.patch(
      '/api/plans/:planId/objectives/:objectiveId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Change a strategic objective',
          description: write,
          params: ObjectiveParamsSchema,
          body: UpdateObjectiveSchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => updateObjective(ctx, req.principal, req.params.planId, req.params.objectiveId, req.body),
    );

    r.delete(
      '/api/plans/:planId/objectives/:objectiveId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Delete a strategic objective and its activities',
          description: write,
          params: ObjectiveParamsSchema,
          querystring: DeleteQuerySchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) =>
        deleteObjective(ctx, req.principal, req.params.planId, req.params.objectiveId, req.query.version),
    );

    r.post(
      '/api/plans/:planId/activities',
      {
        ...w,
        schema: {
          tags,
          summary: 'Add an activity',
          description: write,
          params: PlanParamsSchema,
          body: CreateActivitySchema,
          response: { 201: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createActivity(ctx, req.principal, req.params.planId, req.body)),
    );

    r.patch(
      '/api/plans/:planId/activities/:activityId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Change an activity (status, % complete, funding …)',
          description: write,
          params: ActivityParamsSchema,
          body: UpdateActivitySchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => updateActivity(ctx, req.principal, req.params.planId, req.params.activityId, req.body),
    );

    r.delete(
      '/api/plans/:planId/activities/:activityId',
      {
        ...w,
        schema: {
          tags,
          summary: 'Delete an activity',
          description: write,
          params: ActivityParamsSchema,
          querystring: DeleteQuerySchema,
          response: { 200: PlanSchema, ...WRITE_ERRORS },
        },
      },
      async (req) =>
        deleteActivity(ctx, req.principal, req.params.planId, req.params.activityId, req.query.version),
    );
  };
}
