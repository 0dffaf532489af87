/**
 * Writes and scale-out: single national value saves through PUT /api/values (audit, version check,
 * the submission lock, the database's published-data guard) against the bare versioned UPDATE
 * through the raw driver (budget: p50 ≤ 2× the UPDATE's), measured in value-saves.ts; and two server
 * processes behind one address (tests/bench/balancer.ts) sharing one Postgres, against one process
 * behind the same balancer.
 */
import { cannon } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { row } from './report';
import { builtScript, builtServe } from './serve-build';
import type { ValueSaveFigures } from './value-saves';

export async function benchValueSaves(opts: { url: string; period: string; log: (s: string) => void }) {
  opts.log('  value saves through PUT /api/values (the bundled app, in a process of its own)');
  const child = node(await builtScript('value-saves'), { BENCH_DB_URL: opts.url, BENCH_PERIOD: opts.period });
  try {
    const { ours, floor, nearest, least, me } = await firstJsonLine<ValueSaveFigures>(child, 600_000);
    const s = 'Value save (PUT /api/values: session, version check, lock, audit), c=1';
    return [
      // A save pays what the floor does (the statement triggers, one commit) plus the session check, the
      // request's transaction, one read of what the checks need and one write statement.
      row(
        s,
        'p50 latency (inject)',
        ours.p50,
        'ms',
        { name: 'raw versioned UPDATE p50', value: floor.p50 },
        { ratioMax: 2 },
      ),
      row(s, 'p50 latency (inject) against the nearest floor an HTTP save has', ours.p50, 'ms', {
        name: 'bare route: session read, then UPDATE + audit INSERT in one transaction, p50',
        value: nearest.p50,
      }),
      row(
        s,
        'the least an audited HTTP save can do (bare route: session read, then one statement writing the UPDATE and its audit row), p50',
        least.p50,
        'ms',
        { name: 'raw versioned UPDATE p50', value: floor.p50 },
      ),
      row(s, 'p99 latency (inject)', ours.p99, 'ms', { name: 'raw versioned UPDATE p99', value: floor.p99 }),
      row(s, 'signed-in GET /api/auth/me p50 (inject): the part every request pays', me.p50, 'ms', {
        name: 'raw versioned UPDATE p50',
        value: floor.p50,
      }),
      row(s, 'saves/s', ours.rps, 'saves/s', { name: 'raw versioned UPDATE/s', value: floor.rps }),
    ];
  } finally {
    await stop(child);
  }
}

/** One and two app processes (tests/bench/serve.ts) behind the same balancer, at 50 connections. */
export async function benchTwoProcesses(opts: { url: string; path: string; log: (s: string) => void }) {
  const servers = [
    node(await builtServe(), { BENCH_DB_URL: opts.url }),
    node(await builtServe(), { BENCH_DB_URL: opts.url }),
  ];
  const children = [...servers];
  try {
    const ports = await Promise.all(servers.map((c) => firstJsonLine<{ app: number }>(c)));
    const behind = async (upstreams: number[]) => {
      const lb = node('tests/bench/balancer.ts', { BENCH_UPSTREAMS: upstreams.join(',') });
      children.push(lb);
      try {
        const { port } = await firstJsonLine<{ port: number }>(lb);
        // cannon() throws on any error, timeout or non-2xx answer: passing means zero failed requests.
        return await cannon(`http://127.0.0.1:${port}${opts.path}`, 50);
      } finally {
        await stop(lb);
      }
    };
    opts.log('  one process behind the balancer');
    const one = await behind([ports[0]?.app as number]);
    opts.log('  two processes behind the balancer');
    const two = await behind(ports.map((p) => p.app));
    const s = 'Two server processes, one Postgres, TCP balancer: /api/compare (cached) c=50';
    return [
      row(s, 'throughput, 2 processes', two.rps, 'req/s', {
        name: '1 process, same balancer',
        value: one.rps,
      }),
      row(s, `failed requests (of ${two.n.toLocaleString('en-US')})`, 0, 'requests', null, { valueMax: 0 }),
      row(s, 'p99, 2 processes', two.p99, 'ms', { name: '1 process p99', value: one.p99 }),
    ];
  } finally {
    for (const c of children) await stop(c);
  }
}
