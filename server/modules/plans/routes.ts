import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ActivityParamsSchema,
  CountryPlansParamsSchema,
  CreateActivitySchema,
  CreateObjectiveSchema,
  CreatePlanIndicatorSchema,
  DeleteQuerySchema,
  ErrorEnvelopeSchema as E,
  ObjectiveParamsSchema,
  PlanIndicatorParamsSchema,
  PlanIndicatorValueListSchema,
  PlanListSchema,
  PlanParamsSchema,
  PlanSchema,
  PutTargetsSchema,
  UpdateActivitySchema,
  UpdateObjectiveSchema,
  UpdatePlanIndicatorSchema,
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
import {
  createPlanIndicator,
  deletePlanIndicator,
  putTargets,
  updatePlanIndicator,
} from './indicator-service';
import { planEditRoutes } from './plan-edit-routes';
import { getPlan, listCountryPlans, planIndicatorValues } from './plan-read-service';

const WRITE_ERRORS = { 400: E, 401: E, 403: E, 404: E, 409: E };
const tags = ['plans'];
const write = 'Administrators and the country’s focal points. Answers the whole plan, progress recomputed.';

export function planRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    await app.register(planEditRoutes(ctx));
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { config: { access: 'read' as const } };
    const w = { config: { access: 'write' as const } };

    r.get(
      '/api/countries/:iso3/plans',
      {
        ...read,
        schema: {
          tags,
          summary: 'A country’s national action plans with objectives, activities, indicators and progress',
          description: 'Drafts only for users with a role in the country, facilitators and administrators.',
          params: CountryPlansParamsSchema,
          response: { 200: PlanListSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => listCountryPlans(ctx, req.principal, req.params.iso3),
    );

    r.get(
      '/api/plans/:planId',
      {
        ...read,
        schema: {
          tags,
          summary: 'One plan, with its progress',
          params: PlanParamsSchema,
          response: { 200: PlanSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => getPlan(ctx, req.principal, req.params.planId),
    );

    r.get(
      '/api/plans/:planId/indicators/:planIndicatorId/values',
      {
        ...read,
        schema: {
          tags,
          summary: 'The values behind a plan indicator’s progress, each with its source',
          description:
            'The country’s reports the caller may see (the public: approved ones), and the published answers ' +
            'to the question the indicator follows, newest first.',
          params: PlanIndicatorParamsSchema,
          response: { 200: PlanIndicatorValueListSchema, 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req) => planIndicatorValues(ctx, req.principal, req.params.planId, req.params.planIndicatorId),
    );

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
