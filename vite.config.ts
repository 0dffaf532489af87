import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the client build, the dev server and the test projects.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // zod and the shared schemas in one chunk (fewer, better-compressed requests), which the
              // first page does not load (issue 7). Not headers.ts, which the api client needs; and not
              // the modules these import (shared/i18n/locale.ts), which the i18n runtime needs.
              name: 'schemas',
              test: (id) =>
                /node_modules[\\/]zod[\\/]|[\\/]shared[\\/](api|domain)[\\/]/.test(id) &&
                !id.endsWith('headers.ts'),
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
