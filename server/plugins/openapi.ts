import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * Swagger UI's page and assets, where the package installed them. Named here rather than found by
 * the plugin next to its own code, so that the built server can bundle the plugin: loaded from
 * node_modules it brought its own copies of yaml and @fastify/static, ~90 ms of every start
 * (docs/benchmarks.md). With `baseDir` the plugin also serves the folder's files under /api/docs/.
 */
const SWAGGER_UI_STATIC = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
  'static',
);

/** OpenAPI generated from the shared zod schemas the routes declare. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'NAP Tracker API',
        description:
          'Monitoring and evaluation of national action plans on antimicrobial resistance: countries, ' +
          'indicator frameworks (TrACSS), values and peer comparison. Errors use one envelope ' +
          '{ error, message, statusCode, requestId, issues? }.',
        version: '0.1.0',
      },
      tags: [
        { name: 'system', description: 'Liveness and readiness' },
        { name: 'countries', description: 'Reference list of countries' },
        { name: 'frameworks', description: 'Indicator frameworks, their indicators and periods' },
        { name: 'values', description: 'Indicator values reported by countries' },
        { name: 'compare', description: 'Peer comparison' },
        { name: 'peer groups', description: 'Saved peer groups (shared and private)' },
        { name: 'rounds', description: 'TrACSS rounds: questions, column mapping, crosswalk, import' },
        {
          name: 'me-profiles',
          description:
            "Countries' M&E system profiles (the eight steps of the Quadripartite's M&E guidance, challenges and lessons), side by side",
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    baseDir: SWAGGER_UI_STATIC,
    logo: { type: 'image/svg+xml', content: await readFile(path.join(SWAGGER_UI_STATIC, 'logo.svg')) },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
