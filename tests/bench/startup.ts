/**
 * Start-up to serving (GET /api/ready answers) of the built server, `node dist/server/index.js`, as
 * `npm start` runs it once the build is fresh: PGlite on an empty and on an existing data folder,
 * Postgres on an empty and on an existing database; the floor is a bare Fastify process on plain
 * node. Also on an existing PGlite folder: through `node scripts/launch.mjs` (npm start's build
 * freshness check, without npm itself), and the TypeScript sources through tsx, as npm start ran
 * the server before it was built. Two more floors say what no server on the same database can beat:
 * plain node opening PGlite on the same folder (tests/bench/pglite-ready.mjs), or connecting to the
 * same Postgres (postgres-ready.mjs), one query, then a bare Fastify answering /api/ready. A third says what
 * loading the server's own code costs: every module its entry loads imported (nothing called), the same
 * connection and query, node's http server answering (modules-ready.ts, bundled and started as the
 * server is: one CommonJS file compiled from its code cache). A fourth adds the app built as the server
 * builds it and Fastify listening, with no database check (app-ready.ts): what this app's code costs
 * to start before the server looks at the database.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleServerMain } from '../../scripts/build.mjs';
import { PGLITE_SETTINGS } from '../../server/db/pglite';
import { createBenchDatabase } from './dataset';
import { percentile } from './measure';
import { timeToReady } from './processes';
import { type Row, row } from './report';

const REPEAT = 3;
const SERVER = 'dist/server/index.js';
/** Two folders below the project, as dist/server: the bundle finds its data files relative to itself. */
const MODULES_FLOOR_DIR = path.resolve('dist/bench-floor');
const APP_FLOOR_DIR = path.resolve('dist/bench-floor-app');

async function median(n: number, fn: () => Promise<number>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await fn());
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/**
 * A floor bundled and started as the server is (one CommonJS file compiled from its code cache): its
 * first start writes the cache, as the server's first start does for the server; the median of the next.
 */
async function bundledFloorMs(dir: string, entry: string, env: Record<string, string>): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  await bundleServerMain(dir, entry);
  const script = path.join(dir, 'index.js');
  await timeToReady(script, env);
  return median(REPEAT, () => timeToReady(script, env));
}

export async function benchStartup(log: (s: string) => void): Promise<Row[]> {
  log('  npm run build (if stale)');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('server build failed');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-start-'));
  const common = {
    LOG_LEVEL: 'error',
    CLIENT_DIST_DIR: path.join(dir, 'no-client'),
    DATABASE_URL: '',
  };
  const pg = await createBenchDatabase('nap_bench_start');
  try {
    log('  floor: bare Fastify process');
    const floorMs = await median(REPEAT, () => timeToReady('tests/bench/bare-ready.mjs', {}));
    const floor = { name: 'bare Fastify process', value: floorMs };
    const pglite = { ...common, PGLITE_DATA_DIR: path.join(dir, 'pglite') };
    log('  PGlite, empty data folder');
    const pgliteFresh = await timeToReady(SERVER, pglite);
    log('  PGlite, existing data folder');
    const pgliteExisting = await median(REPEAT, () => timeToReady(SERVER, pglite));
    log('  PGlite, existing data folder, through scripts/launch.mjs');
    const pgliteLaunch = await median(REPEAT, () => timeToReady('scripts/launch.mjs', pglite));
    log('  PGlite, existing data folder, TypeScript through tsx');
    const pgliteTsx = await median(REPEAT, () => timeToReady('server/index.ts', pglite));
    const postgresEnv = { ...common, DATABASE_URL: pg.url };
    log('  Postgres, empty database');
    const pgFresh = await timeToReady(SERVER, postgresEnv);
    log('  Postgres, existing database');
    const pgExisting = await median(REPEAT, () => timeToReady(SERVER, postgresEnv));
    // What no server on the same database can beat: open it, one query, a bare Fastify listening.
    log('  floor: PGlite.create on the existing folder + bare Fastify');
    const startParams = JSON.stringify(
      Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    );
    const pgliteFloorMs = await median(REPEAT, () =>
      timeToReady('tests/bench/pglite-ready.mjs', { ...pglite, PGLITE_START_PARAMS: startParams }),
    );
    log('  floor: postgres.js connection + bare Fastify');
    const pgFloorMs = await median(REPEAT, () => timeToReady('tests/bench/postgres-ready.mjs', postgresEnv));
    log("  floor: the server's modules imported + postgres.js connection + node:http");
    const modulesFloorMs = await bundledFloorMs(
      MODULES_FLOOR_DIR,
      'tests/bench/modules-ready.ts',
      postgresEnv,
    );
    const modulesFloor = { name: "the server's modules + postgres.js connect", value: modulesFloorMs };
    log(
      "  floor: the server's modules + its app built + postgres.js connection, listening (no database check)",
    );
    const appFloorMs = await bundledFloorMs(APP_FLOOR_DIR, 'tests/bench/app-ready.ts', postgresEnv);
    const appFloor = { name: "the server's modules + its app built + connect", value: appFloorMs };
    const pgliteFloor = { name: 'PGlite.create + bare Fastify', value: pgliteFloorMs };
    const pgFloor = { name: 'postgres.js connect + bare Fastify', value: pgFloorMs };
    const s = 'Start-up to /api/ready (built server)';
    const built = { name: 'built server, same folder', value: pgliteExisting };
    return [
      row(s, 'bare Fastify process (plain node)', floorMs, 'ms', null),
      row(s, 'PGlite, empty data folder', pgliteFresh, 'ms', floor),
      row(s, `PGlite, existing folder (median of ${REPEAT})`, pgliteExisting, 'ms', floor, {
        valueMax: 1500,
      }),
      row(s, `PGlite, existing folder (median of ${REPEAT})`, pgliteExisting, 'ms', floor, { ratioMax: 2 }),
      row(s, 'floor: PGlite.create on the folder + bare Fastify', pgliteFloorMs, 'ms', floor),
      row(s, `PGlite, existing folder, vs the PGlite floor`, pgliteExisting, 'ms', pgliteFloor),
      row(s, 'PGlite, existing folder, through launch.mjs (build check)', pgliteLaunch, 'ms', built),
      row(s, 'PGlite, existing folder, sources through tsx (as before the build)', pgliteTsx, 'ms', built),
      row(s, 'Postgres, empty database', pgFresh, 'ms', floor),
      row(s, `Postgres, existing database (median of ${REPEAT})`, pgExisting, 'ms', floor, {
        valueMax: 1500,
      }),
      row(s, `Postgres, existing database (median of ${REPEAT})`, pgExisting, 'ms', floor, { ratioMax: 1.5 }),
      row(s, 'floor: postgres.js connect + bare Fastify', pgFloorMs, 'ms', floor),
      row(s, 'Postgres, existing database, vs the Postgres floor', pgExisting, 'ms', pgFloor),
      row(
        s,
        "floor: the server's modules imported + postgres.js connect + node:http",
        modulesFloorMs,
        'ms',
        floor,
      ),
      row(s, "Postgres, existing database, vs the server's modules floor", pgExisting, 'ms', modulesFloor),
      row(
        s,
        "floor: the server's modules + its app built + postgres.js connect, listening (no database check)",
        appFloorMs,
        'ms',
        floor,
      ),
      row(s, 'Postgres, existing database, vs the app-built floor', pgExisting, 'ms', appFloor),
    ];
  } finally {
    await pg.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
