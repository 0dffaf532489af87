import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built client and answers unknown non-API GETs with index.html, so that deep links
 * such as /countries/JOR work. Without a build, the API still runs (development uses Vite).
 */
export async function registerClient(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'client build not found: run `npm run build` (the API is served anyway)');
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  // Built files have their own routes (wildcard: false); every other page is the single-page app.
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
