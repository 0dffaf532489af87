/**
 * One endpoint measured against its floors (tests/bench/endpoints.ts): autocannon and a keep-alive
 * loop against the same SQL replayed through the raw driver and run by pgbench; and the rows, with
 * their budgets, that these figures give.
 */
import type postgres from 'postgres';
import { cannon, type Figures, get, inline, loop, pgbench as runPgbench } from './measure';
import { type Row, row } from './report';

export interface Captured {
  query: string;
  params: unknown[];
}

interface EndpointFigures {
  ep1: Figures;
  fine1: Figures;
  raw1: Figures;
  /** The same statements sent unprepared (parsed and planned each time): the floor of earlier runs. */
  rawUnprepared1: Figures;
  pg1: { latencyMs: number; tps: number };
  ep50: Figures;
  raw50: Figures;
  /** The same statements unprepared at 50 connections: the generic plan of a prepared statement can lose. */
  rawUnprepared50: Figures;
  pg50: { latencyMs: number; tps: number };
  /**
   * The bench server's floor endpoint (tests/bench/serve.ts, `/floor/:name`): a bare route sending these
   * statements through the raw driver, in the raw replay's faster mode at 50 connections, and answering
   * the last one's rows as JSON; at 50 connections. Computed answers only.
   */
  floor50?: Figures;
}

/**
 * pgbench, or no figure when it finished no transaction in its time (50 clients connecting to a
 * heavily loaded machine for a short BENCH_SECONDS): the section's other rows are kept.
 */
async function pgbench(url: string, script: string, clients: number) {
  try {
    return await runPgbench(url, script, clients);
  } catch (err) {
    process.stderr.write(`  pgbench c=${clients} gave no figure: ${String(err).split('\n')[0]}\n`);
    return { latencyMs: Number.NaN, tps: Number.NaN };
  }
}

export async function measureEndpoint(o: {
  url: string;
  raw: postgres.Sql;
  statements: Captured[];
  target: string;
  /** The bare server's base URL and a name for this SQL: measures floor50. */
  floor?: { base: string; name: string };
}): Promise<EndpointFigures> {
  // Prepared, as the driver's own tagged queries are (and as the app prepares its hot statements), and
  // unprepared: the p50 floor is the faster of the two (endpointRows), and so is the 50-connection one.
  const replay = async () => {
    for (const s of o.statements) await o.raw.unsafe(s.query, s.params as never[], { prepare: true });
  };
  const replayUnprepared = async () => {
    for (const s of o.statements) await o.raw.unsafe(s.query, s.params as never[]);
  };
  const script = o.statements.map((s) => inline(s.query, s.params)).join('');
  // autocannon first: its warm-up also warms the route for the fine-grained loop after it.
  const ep1 = await cannon(o.target, 1);
  const fine1 = await loop(() => get(o.target), { warmup: 20 });
  const raw1 = await loop(replay);
  const rawUnprepared1 = await loop(replayUnprepared);
  const pg1 = await pgbench(o.url, script, 1);
  const ep50 = await cannon(o.target, 50);
  const raw50: Figures = await loop(replay, { concurrency: 50 });
  const rawUnprepared50: Figures = await loop(replayUnprepared, { concurrency: 50 });
  const pg50 = await pgbench(o.url, script, 50);
  const figures = { ep1, fine1, raw1, rawUnprepared1, pg1, ep50, raw50, rawUnprepared50, pg50 };
  if (!o.floor) return figures;
  const floorUrl = `${o.floor.base}/floor/${encodeURIComponent(o.floor.name)}`;
  const stored = await fetch(floorUrl, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ statements: o.statements, prepare: raw50.rps >= rawUnprepared50.rps }),
  });
  if (!stored.ok) throw new Error(`${floorUrl}: HTTP ${stored.status} ${await stored.text()}`);
  return { ...figures, floor50: await cannon(floorUrl, 50) };
}

/**
 * computed: the request runs the comparison's SQL (the pgbench ratio budget applies to that SQL), p50
 * within 1.2× of the raw driver running it; a cached answer (one version read) within 1.5×, since the
 * HTTP stack around a sub-millisecond read weighs more in its ratio.
 */
export function endpointRows(
  s: string,
  f: EndpointFigures,
  bare: { c50: Figures; fine1: Figures },
  scale: number,
  computed: boolean,
): Row[] {
  const { ep1, fine1, raw1, rawUnprepared1, pg1, ep50, raw50, rawUnprepared50, pg50, floor50 } = f;
  const bare50 = bare.c50;
  // The budget's floor is the faster of the two: prepared saves parsing and planning, but a generic plan
  // can be slower than one made for the values (the counts over a saved group's members, at scale 10).
  const rawBest = Math.min(raw1.p50, rawUnprepared1.p50);
  return [
    row(
      s,
      'c=1 p50 (node http loop)',
      fine1.p50,
      'ms',
      { name: 'raw driver, same SQL, p50 (prepared or not, the faster)', value: rawBest },
      { ratioMax: computed ? 1.2 : 1.5 },
    ),
    row(s, 'c=1 p50 (node http loop)', fine1.p50, 'ms', {
      name: 'raw driver, same SQL prepared, p50',
      value: raw1.p50,
    }),
    row(s, 'c=1 p50 (node http loop)', fine1.p50, 'ms', {
      name: 'raw driver, same SQL unprepared, p50',
      value: rawUnprepared1.p50,
    }),
    // The nearest any HTTP endpoint running this SQL can come: one round trip to a bare route on the same
    // loop, plus the SQL through the raw driver.
    row(s, 'c=1 p50 (node http loop)', fine1.p50, 'ms', {
      name: 'bare route p50 + raw driver p50',
      value: bare.fine1.p50 + rawBest,
    }),
    row(
      s,
      'c=1 p99 (node http loop)',
      fine1.p99,
      'ms',
      { name: 'raw driver, same SQL, p99', value: raw1.p99 },
      scale >= 10 ? { valueMax: 100 } : null,
    ),
    row(s, 'c=1 throughput (autocannon)', ep1.rps, 'req/s', {
      name: 'raw driver c=1, same SQL',
      value: raw1.rps,
    }),
    row(s, 'raw driver c=1 mean', raw1.mean, 'ms', {
      name: 'pgbench latency, same SQL',
      value: pg1.latencyMs,
    }),
    row(
      s,
      'c=50 throughput',
      ep50.rps,
      'req/s',
      { name: 'pgbench c=50, same SQL', value: pg50.tps },
      computed ? { ratioMin: 0.8 } : null,
    ),
    row(s, 'c=50 throughput', ep50.rps, 'req/s', { name: 'raw driver c=50, same SQL', value: raw50.rps }),
    row(s, 'c=50 throughput', ep50.rps, 'req/s', {
      name: 'raw driver c=50, same SQL unprepared',
      value: rawUnprepared50.rps,
    }),
    // What a Node process sending this SQL through postgres.js reaches beside pgbench on the same two cores,
    // doing nothing else (no HTTP, no answer built): the nearest the endpoint's pgbench budget can come.
    row(
      s,
      'raw driver c=50 throughput (prepared or not, the faster)',
      Math.max(raw50.rps, rawUnprepared50.rps),
      'req/s',
      { name: 'pgbench c=50, same SQL', value: pg50.tps },
    ),
    // The same for a whole HTTP endpoint: a bare route running this SQL through the raw driver and sending
    // its rows as JSON, beside pgbench; and ours against that endpoint.
    ...(floor50
      ? [
          row(
            s,
            'floor endpoint c=50 throughput (bare route, raw driver, the rows as JSON)',
            floor50.rps,
            'req/s',
            {
              name: 'pgbench c=50, same SQL',
              value: pg50.tps,
            },
          ),
          row(s, 'c=50 throughput', ep50.rps, 'req/s', {
            name: 'floor endpoint c=50 (bare route, raw driver, the rows as JSON)',
            value: floor50.rps,
          }),
        ]
      : []),
    row(
      s,
      'c=50 throughput',
      ep50.rps,
      'req/s',
      { name: 'bare Fastify route c=50', value: bare50.rps },
      { ratioMin: 0.1 },
    ),
    row(s, 'c=50 p99', ep50.p99, 'ms', { name: 'raw driver c=50 p99', value: raw50.p99 }),
  ];
}
