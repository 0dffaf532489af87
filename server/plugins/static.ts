import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface ClientOptions {
  /** Serve the client's source maps (*.map); off by default: they publish the source. */
  sourceMaps?: boolean;
}

/** Vite writes content-hashed files under assets/: a changed file gets a new name, so it may be kept forever. */
const HASHED = `${path.sep}assets${path.sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A request for one of those files (their answers carry lean headers: server/plugins/security.ts). */
export const isAssetUrl = (url: string) => url.startsWith('/assets/');

/**
 * Serves the built client and answers unknown non-API GETs with index.html, so that deep links
 * such as /countries/JOR work. Assets are sent precompressed (brotli or gzip, written by
 * `npm run build`); index.html is revalidated on every visit (no-cache), so a deployment is seen at
 * once, and the hashed files it names are cached for a year. Without a build, the API still runs
 * (development uses Vite).
 */
export async function registerClient(app: FastifyInstance, distDir: string, opts: ClientOptions = {}) {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'client build not found: run `npm run build` (the API is served anyway)');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed variants are chosen by Accept-Encoding, never addressed themselves.
    globIgnore: ['**/*.br', '**/*.gz', ...(opts.sourceMaps ? [] : ['**/*.map'])],
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(HASHED) ? IMMUTABLE : 'no-cache');
    },
  });
  // Built files have their own routes (wildcard: false); every other page is the single-page app.
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    // An asset that is not in this build (an old tab after a deployment, a source map that is not
    // served) is a 404, not the page: a script answered with HTML fails in confusing ways.
    if (url.startsWith('/api/') || url === '/api' || isAssetUrl(url) || url.endsWith('.map')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
