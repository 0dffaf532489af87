/**
 * Fault script (CI): a Postgres restart under 10 concurrent writers.
 *
 * Starts a private Postgres cluster on a free port, the real server on it (as an operator runs it:
 * DATABASE_URL, ADMIN_EMAIL/ADMIN_PASSWORD), ten writers saving values through PUT /api/values as a
 * signed-in administrator, stops Postgres (fast shutdown) for a few seconds and starts it again.
 * Passes when: the server process stayed up; while the database was away it answered 503 with
 * Retry-After (never 500); every writer saved again after the restart; and every acknowledged write
 * is in the database afterwards. Run: npm run test:faults
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { freePort, stop } from '../bench/processes';
import { type Cluster, createCluster } from './cluster';
import {
  FRAMEWORK,
  INDICATOR,
  newWriterLog,
  PERIOD,
  type Phase,
  runWriter,
  signIn,
  type WriterLog,
} from './writers';

const WRITERS = 10;
const ADMIN = { email: 'fault-admin@example.org', password: 'fault script password 42' };
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function startServer(databaseUrl: string, port: number, logFile: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CLIENT_DIST_DIR: path.join(path.dirname(logFile), 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function waitReady(base: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} while starting`);
    const res = await fetch(`${base}/api/ready`).catch(() => null);
    if (res?.status === 200) return;
    await sleep(250);
  }
  throw new Error('server not ready in time');
}

let cleanup: () => Promise<void> = async () => {};

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'nap-fault-'));
  const serverLog = path.join(work, 'server.log');
  let cluster: Cluster | null = null;
  let server: ChildProcess | null = null;
  cleanup = async () => {
    if (server) await stop(server);
    if (failures.length > 0 || !server) {
      console.log(`--- server log (end)\n${tail(serverLog)}`);
      console.log(`--- postgres log (end)\n${cluster?.logTail() ?? ''}`);
    }
    await cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    cluster = await createCluster(await freePort());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(cluster.url, port, serverLog);
    await waitReady(base, server, 300_000);
    const session = await signIn(base, ADMIN.email, ADMIN.password);
    await prepareWritableValues(cluster.url, WRITERS);
    const keys = await storedValues(cluster.url, WRITERS);
    if (keys.length < WRITERS) throw new Error(`only ${keys.length} values of ${INDICATOR} to write`);

    const phase: Phase = { stopping: false, restarted: false };
    let finished = false;
    const results = keys.map((k) => newWriterLog(k.countryIso3));
    const writers = keys.map((k, i) =>
      runWriter(base, session, results[i] as WriterLog, k.version, phase, () => finished),
    );
    await sleep(2_000);
    console.log(`stopping Postgres under ${WRITERS} writers`);
    phase.stopping = true;
    await cluster.stop();
    await sleep(3_000);
    console.log('starting Postgres again');
    await cluster.start();
    phase.restarted = true;
    // Each writer owns one value: wait until each has saved a few times since the restart.
    const recoverBy = Date.now() + 60_000;
    while (Date.now() < recoverBy && server.exitCode === null && results.some((r) => r.okAfterRestart < 3))
      await sleep(250);
    finished = true;
    await Promise.all(writers);
    report(results);

    check(server.exitCode === null, `the server process stayed up (exit code ${server.exitCode})`);
    const count = (s: number) => results.reduce((n, r) => n + (r.status.get(s) ?? 0), 0);
    check(count(503) > 0, `503 answered while the database was away (${count(503)})`);
    const noHint = results.reduce((n, r) => n + r.unavailableWithoutRetryAfter, 0);
    check(noHint === 0, `every 503 carried Retry-After (${noHint} without)`);
    const unexpected = results.flatMap((r) => r.unexpected.map((u) => `${r.country}: ${u}`));
    check(unexpected.length === 0, `no other answer than 200/201/409/503 (${unexpected.join(' | ')})`);
    const stalled = results.filter((r) => r.okAfterRestart === 0).map((r) => r.country);
    check(stalled.length === 0, `every writer saved again after the restart (${stalled.join(' ') || 'all'})`);
    await checkDurability(cluster.url, results);
  } finally {
    await cleanup();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(1));
  });
}

/**
 * The values the writers change: a national framework of the script's own (published rounds refuse
 * every write), with one A–E indicator and one period, and a value for each of the first countries.
 */
async function prepareWritableValues(url: string, n: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`insert into frameworks (code, name, kind) values (${FRAMEWORK}, 'Fault script', 'national')`;
      const [indicator] = await tx<{ id: number }[]>`
        insert into indicators (framework_code, code, sort_order, name, measure_type)
        values (${FRAMEWORK}, ${INDICATOR}, 1, 'Fault script level', 'level') returning id`;
      const [period] = await tx<{ id: number }[]>`
        insert into periods (framework_code, code, label, start_date, end_date)
        values (${FRAMEWORK}, ${PERIOD}, '2020', '2020-01-01', '2020-12-31') returning id`;
      await tx`
        insert into indicator_values (country_iso3, indicator_id, period_id, status, level)
        select iso3, ${indicator?.id ?? 0}, ${period?.id ?? 0}, 'reported', 'C'
        from countries where who_member order by iso3 limit ${n}`;
    });
  } finally {
    await sql.end();
  }
}

/** The values the writers change (one country each), read straight from the database. */
async function storedValues(url: string, limit: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ countryIso3: string; version: number; level: string | null }[]>`
      select v.country_iso3 as "countryIso3", v.version, v.level
      from indicator_values v join indicators i on i.id = v.indicator_id join periods p on p.id = v.period_id
      where i.framework_code = ${FRAMEWORK} and i.code = ${INDICATOR} and p.code = ${PERIOD}
      order by v.country_iso3 limit ${limit}`;
  } finally {
    await sql.end();
  }
}

/**
 * Every acknowledged write is in the database: the stored version is the acknowledged one with its
 * level, or a later one written by a request whose answer was lost (a 503 or a dropped connection).
 */
async function checkDurability(url: string, results: WriterLog[]) {
  const stored = new Map((await storedValues(url, 1000)).map((v) => [v.countryIso3, v]));
  const lost: string[] = [];
  for (const r of results) {
    if (!r.acked) continue;
    const v = stored.get(r.country);
    const ok =
      v !== undefined &&
      (v.version === r.acked.version
        ? v.level === r.acked.level
        : v.version > r.acked.version && r.unackedSince.includes(v.level ?? ''));
    if (!ok)
      lost.push(`${r.country}: acked v${r.acked.version} ${r.acked.level}, stored ${JSON.stringify(v)}`);
  }
  const acked = results.reduce((n, r) => n + r.ok, 0);
  check(lost.length === 0, `no acknowledged write lost (${lost.join('; ') || `${acked} acknowledged`})`);
}

function report(results: WriterLog[]) {
  for (const r of results) {
    const statuses = [...r.status].map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`  ${r.country}: ${statuses}; ${r.okAfterRestart} saved after the restart`);
  }
}

function tail(file: string) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}

main().then(
  () => {
    console.log(failures.length === 0 ? 'db-restart: passed' : `db-restart: ${failures.length} failed`);
    process.exit(failures.length === 0 ? 0 : 1);
  },
  (err) => {
    console.error('db-restart: error', err);
    process.exit(1);
  },
);
