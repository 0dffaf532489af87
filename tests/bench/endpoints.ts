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
import { type CompareInput, compareCountry } from '../../server/modules/compare/service';
import { currentVersion } from '../../server/modules/compare/version-repository';
import { type Captured, endpointRows, measureEndpoint } from './endpoint-measure';
import { cannon, get, loop } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';
import { builtServe } from './serve-build';

interface EndpointCase {
  name: string;
  path: string;
  /** Runs the service once on a logging drizzle, to capture the SQL one request issues. */
  service: (db: Db) => Promise<unknown>;
  /** Also measured from the per-process cache (default true). */
  cached?: boolean;
}

/** The app's own connection options (server/db/client.ts), so the raw floor runs like the app. */
const CONNECTION = { application_name: 'nap-bench' };

/**
 * Every statement the service sends, as the driver sees it: drizzle's own and those the app runs as
 * prepared statements past drizzle (server/db/driver.ts), which drizzle's logger never sees. The
 * driver's type look-up at connect is off: it is not the service's.
 */
async function captureSql(url: string, c: EndpointCase): Promise<Captured[]> {
  const captured: Captured[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: CONNECTION,
    fetch_types: false,
    debug: (_connection, query, params) => captured.push({ query, params: [...params] }),
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  await c.service(db);
  await client.end();
  return captured;
}

/** A shared saved group of these countries (what a facilitator saves on /groups), for the bench. */
async function savePeerGroup(sql: postgres.Sql, members: string[]): Promise<number> {
  const [g] = await sql<{ id: number }[]>`
    insert into peer_groups (name, visibility) values ('Bench: hand-picked peers', 'shared') returning id`;
  if (!g) throw new Error('peer group not saved');
  await sql`insert into peer_group_members ${sql(members.map((m) => ({ group_id: g.id, country_iso3: m })))}`;
  return g.id;
}

export async function benchEndpoints(opts: {
  url: string;
  country: string;
  period: string;
  /** A hand-picked peer group (20 countries with the country), compared as a list and as a saved group. */
  group: string[];
  /** 10 = sub-national scale, where the issue wants the comparison's p99 under 100 ms. */
  scale: number;
  log: (s: string) => void;
}): Promise<Row[]> {
  const setup = postgres(opts.url, { max: 1, onnotice: () => {} });
  const savedId = await savePeerGroup(setup, opts.group).finally(() => setup.end());
  const compare = (
    name: string,
    query: string,
    input: Omit<CompareInput, 'framework' | 'period' | 'country'>,
  ) => ({
    name: `/api/compare (${opts.country} vs ${name})`,
    path: `/api/compare?framework=bench-round&period=${opts.period}&country=${opts.country}&${query}`,
    service: (db: Db) =>
      compareCountry(db, { framework: 'bench-round', period: opts.period, country: opts.country, ...input }),
  });
  const cases: EndpointCase[] = [
    compare('its WHO region', 'groupType=who_region', { groupType: 'who_region' }),
    {
      name: '/api/compare/heatmap (all)',
      path: `/api/compare/heatmap?framework=bench-round&period=${opts.period}&groupType=all`,
      service: (db) => groupHeatmap(db, { framework: 'bench-round', period: opts.period, groupType: 'all' }),
    },
    // Not precomputed: computed from the members' answers (the cached path is the same as above).
    {
      ...compare(`a saved group of ${opts.group.length}`, `groupType=saved&group=${savedId}`, {
        groupType: 'saved',
        group: String(savedId),
      }),
      cached: false,
    },
    {
      ...compare(
        `a hand-picked list of ${opts.group.length}`,
        `groupType=countries&group=${opts.group.join(',')}`,
        {
          groupType: 'countries',
          group: opts.group.join(','),
        },
      ),
      cached: false,
    },
  ];

  const child = node(await builtServe(), { BENCH_DB_URL: opts.url });
  const rows: Row[] = [];
  try {
    const ports = await firstJsonLine<{ app: number; uncached: number; bare: number }>(child);
    const base = `http://127.0.0.1:${ports.app}`;
    const uncachedBase = `http://127.0.0.1:${ports.uncached}`;
    const bareBase = `http://127.0.0.1:${ports.bare}`;
    const bareUrl = `${bareBase}/bare`;
    opts.log('  bare Fastify route and /api/health');
    const bare1 = await cannon(bareUrl, 1);
    const bareFine1 = await loop(() => get(bareUrl), { warmup: 20 });
    // Twice each, in turns (bare, health, bare, health), the better of each pair kept: on this shared
    // machine one 4-second sample of either moved by up to half between runs of the same code (the
    // health route at 0.57x and 0.34x the bare route, docs/benchmarks.md).
    const bare50a = await cannon(bareUrl, 50);
    const health50a = await cannon(`${base}/api/health`, 50);
    const bare50b = await cannon(bareUrl, 50);
    const health50b = await cannon(`${base}/api/health`, 50);
    const bare50 = bare50a.rps >= bare50b.rps ? bare50a : bare50b;
    const health50 = health50a.rps >= health50b.rps ? health50a : health50b;
    const bareFloor50 = { name: 'bare route c=50 (better of 2)', value: bare50.rps };
    rows.push(
      row('HTTP floor', 'bare Fastify JSON route c=1', bare1.rps, 'req/s', null),
      row('HTTP floor', 'bare Fastify JSON route c=1 p50 (node http loop)', bareFine1.p50, 'ms', null),
      row('HTTP floor', 'bare Fastify JSON route c=50 (better of 2)', bare50.rps, 'req/s', null),
      row('HTTP floor', 'bare Fastify JSON route c=50, first', bare50a.rps, 'req/s', null),
      row('HTTP floor', 'bare Fastify JSON route c=50, second', bare50b.rps, 'req/s', null),
      row(
        'HTTP floor',
        'app /api/health c=50 (plugins, no DB; better of 2, each after the bare route)',
        health50.rps,
        'req/s',
        bareFloor50,
        { ratioMin: 0.7 },
      ),
      row('HTTP floor', 'app /api/health c=50, first', health50a.rps, 'req/s', bareFloor50, null),
      row('HTTP floor', 'app /api/health c=50, second', health50b.rps, 'req/s', bareFloor50, null),
    );

    // The app's default pool (10 connections) for the raw replay too: the same resources.
    const raw = postgres(opts.url, { max: 10, onnotice: () => {}, connection: CONNECTION });
    try {
      const versionSql = await captureSql(opts.url, { name: 'version', path: '', service: currentVersion });
      for (const c of cases) {
        opts.log(`  ${c.name}`);
        // Every statement the request runs: the data version (read for the ETag even with the cache
        // off) and then the service's.
        const statements = [...versionSql, ...(await captureSql(opts.url, c))];
        const cold = await measureEndpoint({
          url: opts.url,
          raw,
          statements,
          target: uncachedBase + c.path,
          floor: { base: bareBase, name: c.name },
        });
        rows.push(
          ...endpointRows(
            `${c.name}, computed each request [${statements.length} SQL]`,
            cold,
            { c50: bare50, fine1: bareFine1 },
            opts.scale,
            true,
          ),
        );
        if (c.cached === false) continue;
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
            { c50: bare50, fine1: bareFine1 },
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
