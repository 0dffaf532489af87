import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

/** The build's files, as the URL paths they are served at (compressed copies and, unless asked, maps left out). */
function builtFiles(distDir: string, sourceMaps: boolean): Set<string> {
  const urls = new Set<string>();
  const walk = (dir: string, url: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${url}/${entry.name}`);
      else if (!COMPRESSED.test(entry.name) && (sourceMaps || !entry.name.endsWith('.map'))) {
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
 * The build's files are listed once, at start, and a request is answered with a file only when its
 * path is one of them: two routes (/assets/* and the page's), not one per file as the plugin's
 * `wildcard: false` registers (~200 routes and a glob library loaded at every start: ~40 ms of a
 * restart), and no directory read per request as its wildcard route makes to check the path's spelling.
 */
export async function registerClient(app: FastifyInstance, distDir: string, opts: ClientOptions = {}) {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'client build not found: run `npm run build` (the API is served anyway)');
    return;
  }
  const files = builtFiles(distDir, opts.sourceMaps ?? false);
  // Only reply.sendFile: the routes are these two.
  await app.register(fastifyStatic, {
    root: distDir,
    serve: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(HASHED) ? IMMUTABLE : 'no-cache');
    },
  });
  const sendBuilt = (url: string, reply: FastifyReply) =>
    files.has(url) ? reply.sendFile(url.slice(1)) : undefined;
  // An asset that is not in this build (an old tab after a deployment, a source map that is not
  // served) is a 404, not the page: a script answered with HTML fails in confusing ways.
  app.get('/assets/*', { schema: { hide: true } }, (req, reply) => {
    return sendBuilt(req.url.split('?')[0] ?? '', reply) ?? reply.callNotFound();
  });
  // Every other page is the single-page app.
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const sent = sendBuilt(url, reply);
    if (sent) return sent;
    if (url.startsWith('/api/') || url === '/api' || url.endsWith('.map')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
