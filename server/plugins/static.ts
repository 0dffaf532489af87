import { existsSync, readdirSync } from 'node:fs';
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

/** The compressed copies of a file: chosen by Accept-Encoding, never addressed themselves. */
const COMPRESSED = /\.(br|gz)$/;

/**
 * The build's files outside assets/ (index.html, the service worker, the manifest, icons: a few), as the
 * URL paths they are served at.
 */
function filesOutsideAssets(distDir: string, sourceMaps: boolean): Set<string> {
  const urls = new Set<string>();
  const walk = (dir: string, url: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!(url === '' && entry.name === 'assets'))
          walk(path.join(dir, entry.name), `${url}/${entry.name}`);
      } else if (!COMPRESSED.test(entry.name) && (sourceMaps || !entry.name.endsWith('.map'))) {
        urls.add(`${url}/${entry.name}`);
      }
    }
  };
  walk(distDir, '');
  return urls;
}

/**
 * Serves the built client and answers unknown non-API GETs with index.html, so that deep links
 * such as /countries/JOR work. Assets are sent precompressed (brotli or gzip, written by
 * `npm run build`); index.html is revalidated on every visit (no-cache), so a deployment is seen at
 * once, and the hashed files it names are cached for a year. Without a build, the API still runs
 * (development uses Vite).
 *
 * Two routes, not one per file: /assets/* (a file of this build, else 404) and the page's own route,
 * which also sends the few files outside assets/. A route per file (the plugin's `wildcard: false`)
 * registered ~200 routes and loaded a glob library at every start: ~40 ms of a restart.
 */
export async function registerClient(app: FastifyInstance, distDir: string, opts: ClientOptions = {}) {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'client build not found: run `npm run build` (the API is served anyway)');
    return;
  }
  const sourceMaps = opts.sourceMaps ?? false;
  const outside = filesOutsideAssets(distDir, sourceMaps);
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    allowedPath: (pathName) => !COMPRESSED.test(pathName) && (sourceMaps || !pathName.endsWith('.map')),
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(HASHED) ? IMMUTABLE : 'no-cache');
    },
  });
  // Every other page is the single-page app.
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (outside.has(url)) return reply.sendFile(url.slice(1), distDir);
    // An asset that is not in this build (an old tab after a deployment, a source map that is not
    // served) is a 404, not the page: a script answered with HTML fails in confusing ways.
    if (url.startsWith('/api/') || url === '/api' || isAssetUrl(url) || url.endsWith('.map')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html', distDir);
  });
}
