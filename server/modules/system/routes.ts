import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelopeSchema,
  HealthSchema,
  ReadySchema,
  type ServerFeatures,
  ServerFeaturesSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { readiness } from './service';

export function systemRoutes(database: Database, features: ServerFeatures) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'What this deployment offers (e-mail), for pages to show what depends on it',
          response: { 200: ServerFeaturesSchema },
        },
      },
      async () => features,
    );
    r.get(
      '/api/health',
      {
        // A probe for balancers and monitors: no page reads it (server/app.ts, stampSchemaVersion).
        config: { access: 'public', schemaVersion: false },
        schema: {
          tags: ['system'],
          summary: 'Liveness: the process answers',
          response: { 200: HealthSchema },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    r.get(
      '/api/ready',
      {
        // A probe for balancers and monitors: no page reads it (server/app.ts, stampSchemaVersion).
        config: { access: 'public', schemaVersion: false },
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and is migrated',
          response: { 200: ReadySchema, 503: ErrorEnvelopeSchema },
        },
      },
      async (req) => readiness(database, req.log),
    );
  };
}
