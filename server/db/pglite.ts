import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's server settings, on top of its own start parameters. shared_buffers: PGlite's 128 MB
 * (initdb's default) are allocated and zeroed inside the WebAssembly heap at every start, which took
 * most of PGlite.create's time and ~110 MB of resident memory that a WebAssembly heap never gives
 * back; the operating system's page cache still holds the data files behind the smaller pool, and the
 * queries' CPU time measured the same (docs/benchmarks.md).
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
};

/** PGlite's own start parameters with PGLITE_SETTINGS on top (the server's, the tools', the tests'). */
export function startParams(defaults: readonly string[]): string[] {
  return [...defaults, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

// Runs in a child node process: creates the database (PGlite's initdb) and closes it.
const INIT_SCRIPT = `
const { PGlite } = require(process.argv[1]);
PGlite.create(process.argv[2], { startParams: JSON.parse(process.argv[3]) })
  .then((pg) => pg.close())
  .catch((err) => { console.error(err); process.exit(1); });`;

/**
 * Creates the database of an empty data folder in a short-lived child process. PGlite's initdb runs a
 * second PostgreSQL instance in the same process and keeps a copy of its WebAssembly heap: ~700 MB of
 * resident memory that the server would otherwise hold as its peak for the rest of its life (the
 * child gives it back when it exits), for a folder the server then opens like any existing one.
 */
async function initInChild(dataDir: string, params: string[]): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  await promisify(execFile)(process.execPath, ['-e', INIT_SCRIPT, entry, dataDir, JSON.stringify(params)], {
    maxBuffer: 16 * 2 ** 20,
  });
}

/**
 * A PGlite on a data folder with the settings above (the server's, the tools' and the bench's);
 * with `loadDataDir`, an empty folder filled from a backup's tarball instead of a new database.
 */
export async function createPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const params = startParams(PGlite.defaultStartParams);
  if (opts.loadDataDir) return PGlite.create(dataDir, { startParams: params, loadDataDir: opts.loadDataDir });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initInChild(dataDir, params);
  return PGlite.create(dataDir, { startParams: params });
}
