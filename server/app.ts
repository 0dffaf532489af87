import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import { compareRoutes } from './modules/compare/routes';
import { countryRoutes } from './modules/countries/routes';
import { frameworkRoutes } from './modules/frameworks/routes';
import { systemRoutes } from './modules/system/routes';
import { valueRoutes } from './modules/values/routes';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerClient } from './plugins/static';

export interface AppDeps {
  database: Database;
  /** Folder of the built client; omitted in API-only tests. */
  clientDistDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app with its dependencies; never listens (index.ts does, tests inject). */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await registerOpenApi(app);
  await app.register(systemRoutes(deps.database));
  await app.register(countryRoutes(deps.database));
  await app.register(frameworkRoutes(deps.database));
  await app.register(valueRoutes(deps.database));
  await app.register(compareRoutes(deps.database));
  if (deps.clientDistDir) await registerClient(app, deps.clientDistDir);
  return app;
}
