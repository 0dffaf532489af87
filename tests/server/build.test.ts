import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, RUNTIME_PACKAGES, SERVER_ENTRIES } from '../../scripts/build.mjs';

const out = mkdtempSync(path.join(os.tmpdir(), 'nap-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the server build', () => {
  it('needs only the dependencies a production install (npm ci --omit=dev) has', async () => {
    const imported = await buildServer(out);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // What node resolves at run time: the packages the bundle leaves outside (PGlite reads its
    // WebAssembly next to its code); Fastify and the rest are inside the bundle.
    expect(imported).toContain('@electric-sql/pglite');
    expect(imported).not.toContain('fastify');
    const outside = (p: string) =>
      RUNTIME_PACKAGES.some((r) => (r.endsWith('/*') ? p.startsWith(r.slice(0, -1)) : p === r));
    expect(imported.filter((p) => !outside(p))).toEqual([]);
    const notInstalled = imported.filter((p) => !(p in pkg.dependencies));
    expect(notInstalled).toEqual([]);
    // And the tools of development are not among them.
    for (const dev of ['tsx', 'vite', 'esbuild', 'vitest']) expect(imported).not.toContain(dev);
    for (const entry of Object.keys(SERVER_ENTRIES)) {
      expect(readFileSync(path.join(out, `${entry}.js`), 'utf8').length, entry).toBeGreaterThan(0);
    }
  });
});
