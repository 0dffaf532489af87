import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

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
 * index.html loads client/early.ts first, async: it asks for the page's data, code and catalog while
 * the app's entry downloads (the script tag names the built, hashed chunk).
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
          attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` },
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
const input = {
  index: fileURLToPath(new URL('client/index.html', import.meta.url)),
  early: fileURLToPath(new URL('client/early.ts', import.meta.url)),
};

// One config for the client build, the dev server and the test projects.
export default defineConfig({
  root: 'client',
  // The service worker is built with the client, never in the test runs.
  plugins: process.env.VITEST ? [react()] : [react(), earlyScript, pwa],
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
              // The zod-free lists and guards (levels, regions, group types …): one small request.
              name: 'shared-lists',
              test: /[\\/]shared[\\/]constants[\\/]/,
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
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/server-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
