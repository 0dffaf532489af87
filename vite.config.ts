import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { schemaVersion } from './scripts/build-state.mjs';
import { catalogPartsPlugin } from './scripts/catalog-parts.mjs';
import { stripDescriptionsPlugin } from './scripts/strip-descriptions.mjs';
import { zodClientStubsPlugin } from './scripts/zod-client-stubs.mjs';

/**
 * The installable app: a web app manifest and the service worker of client/sw.ts (injectManifest:
 * our own worker, with Workbox's precache filled in at build time). Registered by the page after the
 * first paint (client/lib/offline/register-sw.ts), so nothing of it is in the first page's JS.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: '.',
  filename: 'sw.ts',
  injectRegister: false,
  registerType: 'prompt',
  includeAssets: ['icons/icon.svg'],
  manifest: {
    name: 'NAP Tracker',
    short_name: 'NAP Tracker',
    description: 'Monitoring national action plans on antimicrobial resistance (AMR)',
    start_url: '/due',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b3d5c',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // The shell and every hashed chunk (each page opens offline); not source maps nor the
    // precompressed copies scripts/build.mjs writes afterwards.
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
    globIgnores: ['**/*.map'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
  devOptions: { enabled: false },
});

/**
 * index.html loads client/early.ts first: it asks for the page's data, code and catalog while the
 * app's entry downloads (the script tag names the built, hashed chunk). A deferred module, not an
 * async one: Chromium (156 here) runs async scripts at low priority (its LowPriorityAsyncScriptExecution
 * feature), after the app's entry had been evaluated, so the page's answers were asked for 66 ms later
 * on a cold visit of /countries/JOR and 76 ms later on the slow link (medians of 7 and 5 visits; with
 * that feature turned off the async script asked as early as the deferred one, docs/benchmarks.md).
 * Deferred modules run in document order once the page is parsed: this one first.
 */
const earlyScript: Plugin = {
  name: 'early-script',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const early = Object.values(ctx.bundle ?? {}).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'early',
      );
      if (early?.type !== 'chunk') return [];
      // Its own imports are preloaded too: otherwise they are found only once it has arrived.
      return [
        {
          tag: 'script',
          attrs: { type: 'module', crossorigin: true, src: `/${early.fileName}` },
          injectTo: 'head-prepend',
        },
        ...early.imports.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head-prepend' as const,
        })),
      ];
    },
  },
};
/** Chart.js, as the charts register it, its React wrapper and the charts' right-to-left helper. */
const CHART_MODULES =
  /node_modules[\\/](chart\.js|@kurkle[\\/]color|react-chartjs-2)[\\/]|[\\/]client[\\/](components[\\/]charts[\\/]register|i18n[\\/]rtl)\.ts$/;

/**
 * A property of a module that follows the import graph, remembered per chunking pass (a watch rebuild
 * has another module graph); false while it is being decided, so an import cycle ends.
 */
function graphProperty(decide: (id: string, ctx: ChunkingContext) => boolean) {
  const memos = new WeakMap<ChunkingContext, Map<string, boolean>>();
  return (id: string, ctx: ChunkingContext): boolean => {
    let memo = memos.get(ctx);
    if (!memo) {
      memo = new Map();
      memos.set(ctx, memo);
    }
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    const value = decide(id, ctx);
    memo.set(id, value);
    return value;
  };
}

/** Whether a module needs Chart.js through its static imports. */
const needsChart = graphProperty(
  (id, ctx) =>
    CHART_MODULES.test(id) || (ctx.getModuleInfo(id)?.importedIds ?? []).some((i) => needsChart(i, ctx)),
);

/**
 * The pages people land on: the case study (/countries/:iso3), the comparison, what is due (the app's
 * start page) and a period's data entry. A module these pages share goes into a chunk by which of them
 * use it, so that none of them loads code it does not run.
 */
const LANDING_PAGES = ['country', 'compare', 'due', 'period-entry'];
/**
 * Under this size (source bytes), a module shared by two landing pages goes with the common code: the
 * other two pages load a few kB they do not run (tens of milliseconds at 1.6 Mbps) instead of a chunk
 * of their own (a round trip of 150 ms, and one of six connections held while it lasts).
 */
const SMALL_MODULE = 8000;

/**
 * The app's own helpers (components, hooks, fetchers, the shared chart builders) that several lazily
 * loaded pages share, in a few chunks instead of one per set of pages that use them (dozens of 1–2 kB
 * requests, each a round trip on a slow link): 'page-common' for what three or more landing pages use
 * (or two, when small), and one chunk per other combination of landing pages. Not the modules the
 * first page loads (the 'boot' and 'app' chunks: startupChunk), not a module loaded on demand (a page,
 * a lazily loaded chart: its own chunk), not the language catalogs, not the offline machinery; modules
 * no landing page uses are left to Rolldown.
 */
function sharedClientChunk(id: string, ctx: ChunkingContext): string | null {
  if (
    !/[\\/](client|shared)[\\/]/.test(id) ||
    /node_modules|[\\/]client[\\/](routes|i18n[\\/]locales|lib[\\/]offline)[\\/]|[\\/]early\.ts$/.test(id)
  )
    return null;
  const info = ctx.getModuleInfo(id);
  if (!info || info.isEntry || info.dynamicImporters.length > 0 || isInitial(id, ctx)) return null;
  // A chart's own pieces stay with the charts: in a shared chunk they would make every page that loads
  // the chunk load Chart.js too.
  if (needsChart(id, ctx)) return null;
  // A component's stylesheet goes with the component (Vite loads it with that chunk).
  if (id.endsWith('.css')) {
    const [importer, ...others] = info.importers;
    return importer && others.length === 0 ? sharedClientChunk(importer, ctx) : null;
  }
  const users = usersOf(id, ctx);
  if (users.size < 2) return null; // in its one page's chunk
  const pages = new Set([...users].flatMap((u) => pagesLoading(u, ctx)));
  const landing = LANDING_PAGES.filter((page) => pages.has(page));
  if (landing.length === 0) return null;
  if (landing.length >= 3 || (landing.length === 2 && (info.code?.length ?? 0) < SMALL_MODULE))
    return 'page-common';
  return `shared-${landing.join('-')}`;
}

const routeName = (id: string) => /[\\/]client[\\/]routes[\\/]([\w-]+)\.tsx$/.exec(id)?.[1];

/**
 * The pages whose visit loads a module loaded on demand: a page itself, or the pages that load a
 * lazily loaded component (the country page's comparison chart, the comparison's distribution chart).
 */
function pagesLoading(id: string, ctx: ChunkingContext, seen = new Set<string>()): string[] {
  const page = routeName(id);
  if (page) return [page];
  if (seen.has(id)) return [];
  seen.add(id);
  const importers = (ctx.getModuleInfo(id)?.dynamicImporters ?? []).filter((i) => i !== input.early);
  return importers.flatMap((i) => [...usersOf(i, ctx)].flatMap((u) => pagesLoading(u, ctx, seen)));
}

/** The modules loaded on demand (pages, charts …) that need this one, through static imports. */
function usersOf(id: string, ctx: ChunkingContext, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(id)) return out;
  seen.add(id);
  const info = ctx.getModuleInfo(id);
  if (!info) return out;
  if (info.dynamicImporters.length > 0) out.add(id);
  for (const i of info.importers) for (const u of usersOf(i, ctx, seen)) out.add(u);
  return out;
}

/** Statically imported, directly or not, by an entry (index.html's or early.ts's). */
const isInitial = graphProperty((id, ctx) => {
  const info = ctx.getModuleInfo(id);
  return !!info && (info.isEntry || info.importers.some((i) => isInitial(i, ctx)));
});

const input = {
  index: fileURLToPath(new URL('client/index.html', import.meta.url)),
  early: fileURLToPath(new URL('client/early.ts', import.meta.url)),
};

/** Per chunking pass: the modules each entry loads through static imports, directly or not. */
const staticGraphs = new WeakMap<ChunkingContext, Record<keyof typeof input, Set<string>>>();
function staticGraph(ctx: ChunkingContext, entry: keyof typeof input): Set<string> {
  let graphs = staticGraphs.get(ctx);
  if (!graphs) {
    const walk = (from: string) => {
      const seen = new Set<string>();
      const todo = [from];
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (seen.has(id)) continue;
        seen.add(id);
        todo.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
      }
      return seen;
    };
    graphs = { index: walk(input.index), early: walk(input.early) };
    staticGraphs.set(ctx, graphs);
  }
  return graphs[entry];
}

/**
 * What every page loads before it runs, in two chunks instead of a dozen (each a round trip on a slow
 * link: with six connections to a server over HTTP/1.1, /countries/JOR sent 14 requests for it before
 * its own code): 'boot', what client/early.ts imports (index.html's app imports it too) with every
 * zod-free shared list; 'app', the rest of what the app's entry imports (React, the router, the
 * shell). early.ts also asks for the landing page's code, so without these groups Rolldown split every
 * module the entry shares with a page into a chunk of its own.
 */
function startupChunk(id: string, ctx: ChunkingContext): string | null {
  // The entries and the app's own entry module (client/main.tsx) keep their chunks.
  if (id === input.index || id === input.early) return null;
  if (ctx.getModuleInfo(input.index)?.importedIds.includes(id)) return null;
  if (staticGraph(ctx, 'early').has(id) || /[\\/]shared[\\/]constants[\\/]/.test(id)) return 'boot';
  return staticGraph(ctx, 'index').has(id) ? 'app' : null;
}

const catalogParts = catalogPartsPlugin({ root: fileURLToPath(new URL('.', import.meta.url)) });

// One config for the client build, the dev server and the test projects.
export default defineConfig({
  root: 'client',
  // The shared schemas' version (shared/schema-version.ts), as the server's build sets it.
  define: { __NAP_SCHEMA_VERSION__: JSON.stringify(schemaVersion()) },
  // The service worker is built with the client, never in the test runs.
  // The schemas' API descriptions and zod's JSON Schema builder stay on the server
  // (scripts/strip-descriptions.mjs, scripts/zod-client-stubs.mjs).
  // The language catalogs in two parts each (client/i18n/parts.ts), in the tests too.
  plugins: process.env.VITEST
    ? [react(), catalogParts]
    : [react(), catalogParts, stripDescriptionsPlugin(), zodClientStubsPlugin(), earlyScript, pwa],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input,
      // The shared modules only declare schemas, lists and functions: an import through shared/index.ts
      // brings in the modules it uses, not every schema (the first page's JS:
      // docs/decisions/lazy-response-schemas.md).
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            { name: startupChunk, priority: 1, includeDependenciesRecursively: false },
            {
              // zod and the shared schemas in one chunk (fewer, better-compressed requests), which the first
              // page does not load (docs/decisions/lazy-response-schemas.md). Not the zod-free modules the
              // first page needs: headers.ts and issues.ts (the api client's; in this chunk, they made the
              // entry import it and index.html preload it), peer-stats.ts (the distribution chart's); and
              // not the modules these import (shared/i18n/locale.ts, shared/constants), which pages need
              // while rendering.
              name: 'schemas',
              test: (id) =>
                /node_modules[\\/]zod[\\/]|[\\/]shared[\\/](api|domain)[\\/]/.test(id) &&
                !/(headers|peer-stats|issues)\.ts$/.test(id),
              includeDependenciesRecursively: false,
            },
            {
              // CHART_MODULES in one chunk, loaded together by every chart after the page (client/app/routes.tsx).
              name: 'chart',
              test: CHART_MODULES,
              includeDependenciesRecursively: false,
            },
            {
              // The offline machinery, started once the page has loaded (client/app/offline-bar.tsx) and
              // always as a whole: one request instead of five. Not status.ts, which the entry imports.
              name: 'offline',
              test: (id) =>
                /[\\/]client[\\/]lib[\\/]offline[\\/]|node_modules[\\/](workbox-window|idb)[\\/]/.test(id) &&
                !/[\\/]status\.ts$/.test(id),
              includeDependenciesRecursively: false,
            },
            {
              name: sharedClientChunk,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
  test: {
    root: '.',
    // vitest runs cores − 1 test files at a time: one on a 2-core machine, which left a core idle while
    // a file waited on PGlite or jsdom (the suite took 64 min under load). Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          root: '.',
          include: ['tests/shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          root: '.',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/server-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The server files share a worker's loaded modules instead of importing the app again per
          // file (no server test mocks a module or changes process state): `npm test` 581 → 407 s
          // on 2 cores, its import time 180 → 51 s. Each file still opens a database of its own.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          include: ['tests/client/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/client.ts'],
          // A page test waits for its page's module (up to 10 s) and then for several renders (up to 5 s
          // each; tests/setup/client.ts): vitest's 5 s per test fails them on a loaded CI machine.
          testTimeout: 30_000,
        },
      },
      {
        // Browser tests: Debian's Chromium through playwright-core, against the built client.
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          // Two files at a time even on 2 cores (each runs Chromium and a server of its own), sharing the
          // worker's loaded modules as the server files do: 531 → 410 s on 2 cores, both cores busy.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          isolate: false,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/server-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits 1 s by default: less than a grid row's save takes under CI load (700 ms after
          // the last keystroke, then the request), which failed the phone journey once (CI of 6 December, 14:36).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
