/**
 * Comparison endpoints over HTTP (autocannon, 1 and 50 connections) against, in the same run: the
 * same SQL replayed through the raw postgres.js driver, pgbench running that SQL (the database's own
 * throughput), and a bare Fastify JSON route of the same process (the HTTP floor).
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../../server/db/client';
import * as schema from '../../server/db/schema';
import { groupHeatmap } from '../../server/modules/compare/heatmap-service';
import { currentVersion } from '../../server/modules/compare/response-cache';
import { compareCountry } from '../../server/modules/compare/service';
import { cannon, type Figures, get, inline, loop, pgbench } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';

interface Captured {
  query: string;
  params: unknown[];
}

interface EndpointCase {
  name: string;
  path: string;
  /** Runs the service once on a logging drizzle, to capture the SQL one request issues. */
  service: (db: Db) => Promise<unknown>;
}

/** The app's own connection options (server/db/client.ts), so the raw floor runs like the app. */
const CONNECTION = { plan_cache_mode: 'force_custom_plan', application_name: 'nap-bench' };

async function captureSql(url: string, c: EndpointCase): Promise<Captured[]> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: CONNECTION });
  const captured: Captured[] = [];
  const db = drizzle({
    client,
    schema,
    logger: { logQuery: (query, params) => captured.push({ query, params: [...params] }) },
  }) as unknown as Db;
  await c.service(db);
  await client.end();
  return captured;
}

export async function benchEndpoints(opts: {
  url: string;
  country: string;
  period: string;
  /** 10 = sub-national scale, where the issue wants the comparison's p99 under 100 ms. */
  scale: number;
  log: (s: string) => void;
}): Promise<Row[]> {
  const cases: EndpointCase[] = [
    {
      name: `/api/compare (${opts.country} vs its WHO region)`,
      path: `/api/compare?framework=bench-round&period=${opts.period}&country=${opts.country}&groupType=who_region`,
      service: (db) =>
        compareCountry(db, {
          framework: 'bench-round',
          period: opts.period,
          country: opts.country,
          groupType: 'who_region',
        }),
    },
    {
      name: '/api/compare/heatmap (all)',
      path: `/api/compare/heatmap?framework=bench-round&period=${opts.period}&groupType=all`,
      service: (db) => groupHeatmap(db, { framework: 'bench-round', period: opts.period, groupType: 'all' }),
    },
  ];

  const child = node('tests/bench/serve.ts', { BENCH_DB_URL: opts.url });
  const rows: Row[] = [];
  try {
    const ports = await firstJsonLine<{ app: number; uncached: number; bare: number }>(child);
    const base = `http://127.0.0.1:${ports.app}`;
    const uncachedBase = `http://127.0.0.1:${ports.uncached}`;
    const bareUrl = `http://127.0.0.1:${ports.bare}/bare`;
    opts.log('  bare Fastify route and /api/health');
    const bare1 = await cannon(bareUrl, 1);
    const bare50 = await cannon(bareUrl, 50);
    const health50 = await cannon(`${base}/api/health`, 50);
    rows.push(
      row('HTTP floor', 'bare Fastify JSON route c=1', bare1.rps, 'req/s', null),
      row('HTTP floor', 'bare Fastify JSON route c=50', bare50.rps, 'req/s', null),
      row('HTTP floor', 'app /api/health c=50 (plugins, no DB)', health50.rps, 'req/s', {
        name: 'bare route c=50',
        value: bare50.rps,
      }),
    );

    // The app's default pool (10 connections) for the raw replay too: the same resources.
    const raw = postgres(opts.url, { max: 10, onnotice: () => {}, connection: CONNECTION });
    try {
      const versionSql = await captureSql(opts.url, { name: 'version', path: '', service: currentVersion });
      for (const c of cases) {
        opts.log(`  ${c.name}`);
        const statements = await captureSql(opts.url, c);
        const cold = await measureEndpoint({ url: opts.url, raw, statements, target: uncachedBase + c.path });
        rows.push(
          ...endpointRows(
            `${c.name}, computed each request [${statements.length} SQL]`,
            cold,
            bare50,
            opts.scale,
            true,
          ),
        );
        // The same answer from the per-process cache: each request still checks the data version.
        const warm = await measureEndpoint({
          url: opts.url,
          raw,
          statements: versionSql,
          target: base + c.path,
        });
        rows.push(
          ...endpointRows(
            `${c.name}, cached by data version [${versionSql.length} SQL]`,
            warm,
            bare50,
            opts.scale,
            false,
          ),
          row(
            `${c.name}, cached by data version`,
            'c=50 throughput',
            warm.ep50.rps,
            'req/s',
            { name: 'pgbench c=50, the SQL computing it', value: cold.pg50.tps },
            { ratioMin: 0.8 },
          ),
        );
      }
    } finally {
      await raw.end();
    }
  } finally {
    await stop(child);
  }
  return rows;
}

interface EndpointFigures {
  ep1: Figures;
  fine1: Figures;
  raw1: Figures;
  pg1: { latencyMs: number; tps: number };
  ep50: Figures;
  raw50: Figures;
  pg50: { latencyMs: number; tps: number };
}

async function measureEndpoint(o: {
  url: string;
  raw: postgres.Sql;
  statements: Captured[];
  target: string;
}): Promise<EndpointFigures> {
  const replay = async () => {
    for (const s of o.statements) await o.raw.unsafe(s.query, s.params as never[]);
  };
  const script = o.statements.map((s) => inline(s.query, s.params)).join('');
  // autocannon first: its warm-up also warms the route for the fine-grained loop after it.
  const ep1 = await cannon(o.target, 1);
  const fine1 = await loop(() => get(o.target), { warmup: 20 });
  const raw1 = await loop(replay);
  const pg1 = await pgbench(o.url, script, 1);
  const ep50 = await cannon(o.target, 50);
  const raw50: Figures = await loop(replay, { concurrency: 50 });
  const pg50 = await pgbench(o.url, script, 50);
  return { ep1, fine1, raw1, pg1, ep50, raw50, pg50 };
}

/** computed: the request runs the comparison's SQL (the pgbench ratio budget applies to that SQL). */
function endpointRows(
  s: string,
  f: EndpointFigures,
  bare50: Figures,
  scale: number,
  computed: boolean,
): Row[] {
  const { ep1, fine1, raw1, pg1, ep50, raw50, pg50 } = f;
  return [
    row(
      s,
      'c=1 p50 (node http loop)',
      fine1.p50,
      'ms',
      { name: 'raw driver, same SQL, p50', value: raw1.p50 },
      { ratioMax: 1.2 },
    ),
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
