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
 * to start before the server looks at the database. The restarts on existing data and their floors are
 * measured in rounds, one of each kind per round, so that a ratio compares starts made side by side.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleServerMain } from '../../scripts/build.mjs';
import { PGLITE_SETTINGS } from '../../server/db/pglite';
import { createBenchDatabase } from './dataset';
import { inTurns, percentile } from './measure';
import { timeToReady } from './processes';
import { type Row, row } from './report';

/** Starts of each kind in the alternated rounds (the rows' medians); the tsx start, slow and only informative, 3. */
const REPEAT = 7;
const TSX_REPEAT = 3;
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
 * A floor bundled and started as the server is (one CommonJS file compiled from its code cache), its
 * first start made to write the cache, as the server's first start does for the server; the script.
 */
async function bundledFloor(dir: string, entry: string, env: Record<string, string>): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  await bundleServerMain(dir, entry);
  const script = path.join(dir, 'index.js');
  await timeToReady(script, env);
  return script;
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
    const pglite = { ...common, PGLITE_DATA_DIR: path.join(dir, 'pglite') };
    log('  PGlite, empty data folder');
    const pgliteFresh = await timeToReady(SERVER, pglite);
    const postgresEnv = { ...common, DATABASE_URL: pg.url };
    log('  Postgres, empty database');
    const pgFresh = await timeToReady(SERVER, postgresEnv);
    log('  PGlite, existing data folder, TypeScript through tsx');
    const pgliteTsx = await median(TSX_REPEAT, () => timeToReady('server/index.ts', pglite));
    log('  the floors bundled as the server is');
    const modulesScript = await bundledFloor(MODULES_FLOOR_DIR, 'tests/bench/modules-ready.ts', postgresEnv);
    const appScript = await bundledFloor(APP_FLOOR_DIR, 'tests/bench/app-ready.ts', postgresEnv);
    const startParams = JSON.stringify(
      Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    );
    log(
      `  ${REPEAT} rounds of restarts in turn: bare Fastify, the server on PGlite (also through launch.mjs) ` +
        'and on Postgres, and the floors',
    );
    const t = await inTurns(REPEAT, {
      bare: () => timeToReady('tests/bench/bare-ready.mjs', {}),
      pgliteExisting: () => timeToReady(SERVER, pglite),
      pgliteLaunch: () => timeToReady('scripts/launch.mjs', pglite),
      // What no server on the same database can beat: open it, one query, a bare Fastify listening.
      pgliteFloor: () =>
        timeToReady('tests/bench/pglite-ready.mjs', { ...pglite, PGLITE_START_PARAMS: startParams }),
      pgExisting: () => timeToReady(SERVER, postgresEnv),
      pgFloor: () => timeToReady('tests/bench/postgres-ready.mjs', postgresEnv),
      modulesFloor: () => timeToReady(modulesScript, postgresEnv),
      appFloor: () => timeToReady(appScript, postgresEnv),
    });
    const {
      bare: floorMs,
      pgliteExisting,
      pgliteLaunch,
      pgliteFloor: pgliteFloorMs,
      pgExisting,
      pgFloor: pgFloorMs,
      modulesFloor: modulesFloorMs,
      appFloor: appFloorMs,
    } = t;
    const floor = { name: 'bare Fastify process', value: floorMs };
    const modulesFloor = { name: "the server's modules + postgres.js connect", value: modulesFloorMs };
    const appFloor = { name: "the server's modules + its app built + connect", value: appFloorMs };
    const pgliteFloor = { name: 'PGlite.create + bare Fastify', value: pgliteFloorMs };
    const pgFloor = { name: 'postgres.js connect + bare Fastify', value: pgFloorMs };
    const s = 'Start-up to /api/ready (built server)';
    const built = { name: 'built server, same folder', value: pgliteExisting };
    return [
      row(s, 'bare Fastify process (plain node)', floorMs, 'ms', null),
      row(s, 'PGlite, empty data folder', pgliteFresh, 'ms', floor),
      row(s, `PGlite, existing folder (median of ${REPEAT}, in turns)`, pgliteExisting, 'ms', floor, {
        valueMax: 1500,
      }),
      row(s, `PGlite, existing folder (median of ${REPEAT}, in turns)`, pgliteExisting, 'ms', floor, {
        ratioMax: 2,
      }),
      row(s, 'floor: PGlite.create on the folder + bare Fastify', pgliteFloorMs, 'ms', floor),
      row(s, `PGlite, existing folder, vs the PGlite floor`, pgliteExisting, 'ms', pgliteFloor),
      row(s, 'PGlite, existing folder, through launch.mjs (build check)', pgliteLaunch, 'ms', built),
      row(s, 'PGlite, existing folder, sources through tsx (as before the build)', pgliteTsx, 'ms', built),
      row(s, 'Postgres, empty database', pgFresh, 'ms', floor),
      row(s, `Postgres, existing database (median of ${REPEAT}, in turns)`, pgExisting, 'ms', floor, {
        valueMax: 1500,
      }),
      row(s, `Postgres, existing database (median of ${REPEAT}, in turns)`, pgExisting, 'ms', floor, {
        ratioMax: 1.5,
      }),
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
