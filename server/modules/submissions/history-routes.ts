import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelopeSchema as E,
  EntryRowParamsSchema,
  PeriodHistorySchema,
  PlanPeriodParamsSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { periodHistory } from './history-service';

const tags = ['workflow'];
const READ_ERRORS = { 400: E, 401: E, 403: E, 404: E };

export function periodHistoryRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/periods/:periodId/history',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'A period’s history: workflow steps and value changes — who, when, through which channel, in which submission, each field before → after',
          params: PlanPeriodParamsSchema,
          response: { 200: PeriodHistorySchema, ...READ_ERRORS },
        },
      },
      async (req) => periodHistory(ctx, req.principal, req.params.periodId),
    );
    r.get(
      '/api/periods/:periodId/rows/:planIndicatorId/history',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The history of one value of a period’s grid (one plan indicator), newest first',
          params: EntryRowParamsSchema,
          response: { 200: PeriodHistorySchema, ...READ_ERRORS },
        },
      },
      async (req) => periodHistory(ctx, req.principal, req.params.periodId, req.params.planIndicatorId),
    );
  };
}
