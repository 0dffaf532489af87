import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_ENTRIES } from '../../scripts/build.mjs';

const out = mkdtempSync(path.join(os.tmpdir(), 'nap-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the server build', () => {
  it('needs only the dependencies a production install (npm ci --omit=dev) has', async () => {
    const imported = await buildServer(out);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // The bundle keeps node_modules outside: these are what node resolves at run time.
    expect(imported).toContain('fastify');
    expect(imported).toContain('@electric-sql/pglite');
    const notInstalled = imported.filter((p) => !(p in pkg.dependencies));
    expect(notInstalled).toEqual([]);
    // And the tools of development are not among them.
    for (const dev of ['tsx', 'vite', 'esbuild', 'vitest']) expect(imported).not.toContain(dev);
    for (const entry of Object.keys(SERVER_ENTRIES)) {
      expect(readFileSync(path.join(out, `${entry}.js`), 'utf8').length, entry).toBeGreaterThan(0);
    }
  });
});
