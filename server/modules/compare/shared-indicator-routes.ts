import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelopeSchema as E,
  SharedIndicatorListSchema,
  SharedIndicatorQuerySchema,
  SharedIndicatorResultSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { listSharedIndicators, sharedIndicator } from './indicator-service';

const visibility =
  'Plans follow their own rule: drafts only for users with a role in the country, facilitators and ' +
  'administrators; countries whose plans the caller may not read are left out.';

/** View 5: indicators shared by countries' plans. Access is per plan, so these declare `read`, not `read-all`. */
export function sharedIndicatorRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/compare/indicators',
      {
        config: { access: 'read' },
        schema: {
          tags: ['compare'],
          summary:
            'Indicators tracked by countries’ plans, with the countries tracking each (most shared first)',
          description: visibility,
          response: { 200: SharedIndicatorListSchema, 401: E },
        },
      },
      async (req) => listSharedIndicators(ctx, req.principal),
    );
    r.get(
      '/api/compare/indicator',
      {
        config: { access: 'read' },
        schema: {
          tags: ['compare'],
          summary:
            'One indicator side by side for the members of a group whose plans track it: latest value, baseline, ' +
            'target in force, % of target, status',
          description: visibility,
          querystring: SharedIndicatorQuerySchema,
          response: { 200: SharedIndicatorResultSchema, 400: E, 401: E, 404: E },
        },
      },
      async (req) => sharedIndicator(ctx, req.principal, req.query),
    );
  };
}
