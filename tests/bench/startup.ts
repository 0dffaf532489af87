/**
 * Start-up to serving (GET /api/ready answers), through `node --import tsx server/index.ts` as
 * `npm start` runs it after the client build: PGlite on an empty and on an existing data folder,
 * Postgres on an empty and on an existing database; the floor is a bare Fastify process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from './dataset';
import { percentile } from './measure';
import { timeToReady } from './processes';
import { type Row, row } from './report';

const REPEAT = 3;

async function median(n: number, fn: () => Promise<number>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await fn());
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

export async function benchStartup(log: (s: string) => void): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-start-'));
  const common = {
    LOG_LEVEL: 'error',
    CLIENT_DIST_DIR: path.join(dir, 'no-client'),
    DATABASE_URL: '',
  };
  const pg = await createBenchDatabase('nap_bench_start');
  try {
    log('  floor: bare Fastify process');
    const floorMs = await median(REPEAT, () => timeToReady('tests/bench/bare-ready.ts', {}));
    const floor = { name: 'bare Fastify process', value: floorMs };
    const pglite = { ...common, PGLITE_DATA_DIR: path.join(dir, 'pglite') };
    log('  PGlite, empty data folder');
    const pgliteFresh = await timeToReady('server/index.ts', pglite);
    log('  PGlite, existing data folder');
    const pgliteExisting = await median(REPEAT, () => timeToReady('server/index.ts', pglite));
    const postgresEnv = { ...common, DATABASE_URL: pg.url };
    log('  Postgres, empty database');
    const pgFresh = await timeToReady('server/index.ts', postgresEnv);
    log('  Postgres, existing database');
    const pgExisting = await median(REPEAT, () => timeToReady('server/index.ts', postgresEnv));
    const s = 'Start-up to /api/ready';
    return [
      row(s, 'bare Fastify process (node + tsx)', floorMs, 'ms', null),
      row(s, 'PGlite, empty data folder', pgliteFresh, 'ms', floor),
      row(s, `PGlite, existing folder (median of ${REPEAT})`, pgliteExisting, 'ms', floor, {
        valueMax: 1500,
      }),
      row(s, 'Postgres, empty database', pgFresh, 'ms', floor),
      row(s, `Postgres, existing database (median of ${REPEAT})`, pgExisting, 'ms', floor, {
        valueMax: 1500,
      }),
    ];
  } finally {
    await pg.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
