/**
 * What the client rows of the bench share: the app and the floor page built once per run into the
 * bench's temporary folder (dist/client is left alone) and precompressed as `npm run build` does; the
 * floor served like the app serves its build (brotli/gzip, hashed assets cached for a year, the page
 * revalidated); Debian's Chromium; and a wait for a canvas that has drawn.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import react from '@vitejs/plugin-react';
import Fastify from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { compressAssets } from '../../scripts/build.mjs';
import { stripDescriptionsPlugin } from '../../scripts/strip-descriptions.mjs';
import { zodClientStubsPlugin } from '../../scripts/zod-client-stubs.mjs';
import { floorData } from './client-floor/data';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ClientBuilds {
  appOut: string;
  floorOut: string;
  /** The libraries page (tests/bench/client-stack): the floor's chart through the app's libraries. */
  stackOut: string;
}

const built = new Map<string, Promise<ClientBuilds>>();

/** Builds the app (the real vite.config.ts, with a manifest) and the floor page, once per folder. */
export function clientBuilds(tmp: string, log: (s: string) => void): Promise<ClientBuilds> {
  let b = built.get(tmp);
  if (!b) {
    b = buildBoth(tmp, log);
    built.set(tmp, b);
  }
  return b;
}

async function buildBoth(tmp: string, log: (s: string) => void): Promise<ClientBuilds> {
  const appOut = path.join(tmp, 'client');
  const floorOut = path.join(tmp, 'client-floor');
  const stackOut = path.join(tmp, 'client-stack');
  if (!existsSync(path.join(appOut, 'index.html'))) {
    log('  vite build (app, into a temporary folder; brotli and gzip as npm run build)');
    await build({
      configFile: path.resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: appOut, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    compressAssets(appOut);
  }
  if (!existsSync(path.join(floorOut, 'index.html'))) {
    log('  vite build (floor page)');
    await build({
      configFile: false,
      root: path.resolve('tests/bench/client-floor'),
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir: floorOut, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    compressAssets(floorOut);
  }
  if (!existsSync(path.join(stackOut, 'index.html'))) {
    log('  vite build (libraries page)');
    // Built as the app builds its zod schemas (descriptions stripped, JSON Schema builder stubbed).
    await build({
      configFile: false,
      root: path.resolve('tests/bench/client-stack'),
      plugins: [react(), stripDescriptionsPlugin(), zodClientStubsPlugin()],
      logLevel: 'warn',
      build: {
        outDir: stackOut,
        emptyOutDir: true,
        manifest: true,
        sourcemap: false,
        chunkSizeWarningLimit: 2000,
      },
    });
    compressAssets(stackOut);
  }
  return { appOut, floorOut, stackOut };
}

/** The floor page's server (or the libraries page's): the same static serving rules as server/plugins/static.ts. */
export async function serveFloor(floorOut: string) {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, {
    root: floorOut,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The data the floor page asks for with `?fetch`: the inline data, answered as the API answers
  // (JSON, never cached).
  app.get('/data.json', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return floorData();
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${url}/index.html`, fetchingUrl: `${url}/index.html?fetch`, close: () => app.close() };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Resolves with performance.now() (ms since the navigation started) once the canvas matching the
 * selector has painted more than 500 pixels that are neither transparent nor white.
 */
export async function whenChartDrawn(page: Page, selector: string, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (sel) => {
      const canvas = document.querySelector(sel) as HTMLCanvasElement | null;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 16) {
        const a = data[i + 3] ?? 0;
        if (a > 0 && !((data[i] ?? 0) > 245 && (data[i + 1] ?? 0) > 245 && (data[i + 2] ?? 0) > 245)) n++;
      }
      return n > 500 ? performance.now() : false;
    },
    selector,
    { polling: 'raf', timeout },
  );
  return Number(await handle.jsonValue());
}

/** Resolves with performance.now() once at least `count` elements match the selector. */
export async function whenShown(page: Page, selector: string, count = 1, timeout = 60_000) {
  const handle = await page.waitForFunction(
    ([sel, n]) =>
      document.querySelectorAll(sel as string).length >= (n as number) ? performance.now() : false,
    [selector, count] as const,
    { polling: 'raf', timeout },
  );
  return Number(await handle.jsonValue());
}

export async function medianOf(n: number, fn: () => Promise<number>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) t.push(await fn());
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? Number.NaN;
}
