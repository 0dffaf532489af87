import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorEnvelopeSchema, GlobalTargetsResultSchema } from '../../../shared';
import type { Database } from '../../db/client';
import { globalTargets } from './service';

/** The 2024 UN targets on AMR and where the published survey answers stand against them. */
export function globalTargetRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/global-targets',
      {
        config: { access: 'read' },
        schema: {
          tags: ['compare'],
          summary:
            'The 2030 targets of the 2024 UN political declaration on AMR (as reported), with the share of countries ' +
            'meeting those the published TrACSS answers can follow',
          response: { 200: GlobalTargetsResultSchema, 401: ErrorEnvelopeSchema },
        },
      },
      async () => globalTargets(database.db),
    );
  };
}
