import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);

/** Every loop is bounded by a count and a time; BENCH_SECONDS scales the time of each. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

export interface Figures {
  p50: number;
  p99: number;
  mean: number;
  /** Operations per second. */
  rps: number;
  n: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/**
 * Every measurement once per round, in turn, for `rounds` rounds; the median of each. A ratio then
 * compares measurements made side by side: made one kind after another (the floor's three, then ours a
 * minute later), a slow stretch of this shared machine fell on one kind and not the other
 * (docs/benchmarks.md, "Changes of 7 December, 22:00 – 8 December, 01:00").
 */
export async function inTurns<K extends string>(
  rounds: number,
  measures: Record<K, () => Promise<number>>,
): Promise<Record<K, number>> {
  const kinds = Object.keys(measures) as K[];
  const times = new Map<K, number[]>(kinds.map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) for (const k of kinds) times.get(k)?.push(await measures[k]());
  return Object.fromEntries(
    kinds.map((k) => [
      k,
      percentile(
        [...(times.get(k) ?? [])].sort((a, b) => a - b),
        50,
      ),
    ]),
  ) as Record<K, number>;
}

function figures(lat: number[], elapsedMs: number): Figures {
  const s = [...lat].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    mean,
    rps: (s.length * 1000) / elapsedMs,
    n: s.length,
  };
}

/**
 * Runs fn with `concurrency` workers until maxMs or maxOps, after a short warm-up; latency in ms.
 */
export async function loop(
  fn: () => Promise<unknown>,
  opts: { concurrency?: number; maxMs?: number; maxOps?: number; warmup?: number } = {},
): Promise<Figures> {
  const concurrency = opts.concurrency ?? 1;
  const maxMs = opts.maxMs ?? SECONDS * 1000;
  const maxOps = opts.maxOps ?? 200_000;
  for (let i = 0; i < (opts.warmup ?? 5); i++) await fn();
  const lat: number[] = [];
  const start = performance.now();
  let started = 0;
  const worker = async () => {
    while (started < maxOps && performance.now() - start < maxMs) {
      started++;
      const t = performance.now();
      await fn();
      lat.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return figures(lat, performance.now() - start);
}

/**
 * loop() for several measurements, in turns (why: inTurns): each warmed up, then `rounds` rounds in which
 * each runs, one at a time, for its share of the time and of the count; the figures of each over its rounds.
 */
export async function loopsInTurns<K extends string>(
  measures: Record<K, () => Promise<unknown>>,
  opts: { rounds: number; maxMs?: number; maxOps?: number; warmup?: number },
): Promise<Record<K, Figures>> {
  const kinds = Object.keys(measures) as K[];
  const maxMs = (opts.maxMs ?? SECONDS * 1000) / opts.rounds;
  const maxOps = Math.ceil((opts.maxOps ?? 200_000) / opts.rounds);
  for (const k of kinds) for (let i = 0; i < (opts.warmup ?? 5); i++) await measures[k]();
  const lat = new Map<K, number[]>(kinds.map((k) => [k, []]));
  const elapsed = new Map<K, number>(kinds.map((k) => [k, 0]));
  for (let r = 0; r < opts.rounds; r++) {
    for (const k of kinds) {
      const mine = lat.get(k) as number[];
      const start = performance.now();
      for (let n = 0; n < maxOps && performance.now() - start < maxMs; n++) {
        const t = performance.now();
        await measures[k]();
        mine.push(performance.now() - t);
      }
      elapsed.set(k, (elapsed.get(k) ?? 0) + performance.now() - start);
    }
  }
  return Object.fromEntries(
    kinds.map((k) => [k, figures(lat.get(k) as number[], elapsed.get(k) as number)]),
  ) as Record<K, Figures>;
}

/** HTTP load with autocannon against a loopback URL only. */
export async function cannon(url: string, connections: number, seconds = SECONDS): Promise<Figures> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`bench traffic goes to 127.0.0.1 only: ${url}`);
  // A short warm-up so JIT and pools are hot before the measured run.
  await autocannon({ url, connections, amount: connections * 20, timeout: 30 });
  const r = await autocannon({ url, connections, duration: seconds, timeout: 30 });
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests of ${r.requests.total}`);
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    rps: r.requests.total / (r.duration || seconds),
    n: r.requests.total,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET over a kept-alive connection, body read; for c=1 latency at sub-millisecond resolution
 * (autocannon rounds latencies to whole milliseconds).
 */
export function get(url: string): Promise<void> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`bench traffic goes to 127.0.0.1 only: ${url}`);
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        res.on('data', () => {});
        res.on('end', () => resolve());
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The database's own figure: pgbench running a script of literal SQL (one transaction = the script). */
export async function pgbench(
  dbUrl: string,
  script: string,
  clients: number,
  seconds = SECONDS,
): Promise<{ latencyMs: number; tps: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-pgbench-'));
  const file = path.join(dir, 'script.sql');
  writeFileSync(file, script);
  const u = new URL(dbUrl);
  try {
    const { stdout } = await run(
      'pgbench',
      [
        '-n',
        '-f',
        file,
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        String(seconds),
        '-h',
        u.hostname,
        '-p',
        u.port || '5432',
        '-U',
        decodeURIComponent(u.username) || 'postgres',
        u.pathname.slice(1),
      ],
      { timeout: (seconds + 60) * 1000 },
    );
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    const tps = /tps = ([\d.]+)/.exec(stdout);
    if (!latency || !tps) throw new Error(`pgbench output not understood:\n${stdout}`);
    return { latencyMs: Number(latency[1]), tps: Number(tps[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A literal for pgbench scripts: numbers as they are, strings quoted. */
export function literal(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `array[${v.map(literal).join(',')}]`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** Replaces $1, $2 … (highest first, so $12 is not read as $1) with literals; one statement per line. */
export function inline(query: string, params: readonly unknown[]): string {
  let q = query;
  for (let i = params.length; i >= 1; i--) q = q.split(`$${i}`).join(literal(params[i - 1]));
  return `${q.replace(/\s+/g, ' ').trim()};\n`;
}
