import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CountryPlansParamsSchema,
  ErrorEnvelopeSchema as E,
  PlanIndicatorParamsSchema,
  PlanIndicatorValueListSchema,
  PlanListSchema,
  PlanParamsSchema,
  PlanSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { elementRoutes } from './element-routes';
import { planEditRoutes } from './plan-edit-routes';
import { planIndicatorRoutes } from './plan-indicator-routes';
import { getPlan, listCountryPlans, planIndicatorValues } from './plan-read-service';
import { tags } from './route-schemas';

/**
 * Every route of the plans: reading them here, and by resource in their own files — the plan itself
 * (plan-edit-routes.ts), its objectives and activities (element-routes.ts), its indicators
 * (plan-indicator-routes.ts). Registered in this order, which is the order OpenAPI lists them in.
 */
export function planRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    await app.register(planEditRoutes(ctx));
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { config: { access: 'read' as const } };

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
    await app.register(elementRoutes(ctx));
    await app.register(planIndicatorRoutes(ctx));
  };
}
