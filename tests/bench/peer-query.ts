/**
 * The peer-comparison query of the benchmarks: 10 numeric indicators × 10 years, quartiles over a
 * 20-country group, on the national-scale values table. postgres.js and drizzle's db.execute(sql…)
 * against pgbench running the same SQL, without and with a covering index.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from '../../server/db/client';
import { inline, loop, pgbench } from './measure';
import { type Row, row } from './report';

export interface PeerQueryInput {
  indicatorIds: number[];
  periodIds: number[];
  group: string[];
  country: string;
}

/** Text with $1 … $4: indicator ids, period ids, group ISO3 codes, the country. */
export const PEER_SQL = `
select indicator_id, period_id,
       count(numeric_value)::int as n,
       percentile_cont(0.25) within group (order by numeric_value) as q1,
       percentile_cont(0.5) within group (order by numeric_value) as median,
       percentile_cont(0.75) within group (order by numeric_value) as q3,
       max(numeric_value) filter (where country_iso3 = $4) as own
  from indicator_values
 where indicator_id = any($1::int[]) and period_id = any($2::int[])
   and country_iso3 = any($3::bpchar[]) and status = 'reported'
 group by indicator_id, period_id
 order by indicator_id, period_id`;

export const peerParams = (q: PeerQueryInput) => [q.indicatorIds, q.periodIds, q.group, q.country];

/** The same query as a drizzle template (sql.param keeps an array one parameter). */
export function peerSqlDrizzle(q: PeerQueryInput) {
  return sql`
select indicator_id, period_id,
       count(numeric_value)::int as n,
       percentile_cont(0.25) within group (order by numeric_value) as q1,
       percentile_cont(0.5) within group (order by numeric_value) as median,
       percentile_cont(0.75) within group (order by numeric_value) as q3,
       max(numeric_value) filter (where country_iso3 = ${q.country}) as own
  from indicator_values
 where indicator_id = any(${sql.param(q.indicatorIds)}::int[]) and period_id = any(${sql.param(q.periodIds)}::int[])
   and country_iso3 = any(${sql.param(q.group)}::bpchar[]) and status = 'reported'
 group by indicator_id, period_id
 order by indicator_id, period_id`;
}

export const COVERING_INDEX =
  'create index bench_values_cover_ix on indicator_values (indicator_id, period_id) include (country_iso3, status, numeric_value)';

export async function benchPeerQuery(opts: {
  url: string;
  database: Database;
  input: PeerQueryInput;
  log: (s: string) => void;
}): Promise<{ rows: Row[]; schemaIndexesMs: number }> {
  const client = postgres(opts.url, {
    max: 50,
    onnotice: () => {},
    connection: { plan_cache_mode: 'force_custom_plan', application_name: 'nap-bench' },
  });
  const params = peerParams(opts.input);
  const script = inline(PEER_SQL, params);
  const viaDriver = () => client.unsafe(PEER_SQL, params as never[], { prepare: true });
  const viaDrizzle = () => opts.database.db.execute(peerSqlDrizzle(opts.input));
  const rows: Row[] = [];
  const check = await viaDriver();
  if (check.length !== opts.input.indicatorIds.length * opts.input.periodIds.length) {
    throw new Error(`peer query returned ${check.length} rows`);
  }
  let schemaIndexesMs = Number.NaN;
  let uncoveredMs = Number.NaN;
  try {
    for (const variant of ['schema indexes', '+ covering index'] as const) {
      if (variant === '+ covering index') {
        await client.unsafe(COVERING_INDEX);
        await client.unsafe('vacuum analyze indicator_values');
      }
      opts.log(`  peer query, ${variant}`);
      const floor = await pgbench(opts.url, script, 1);
      const drv = await loop(viaDriver);
      const drz = await loop(viaDrizzle);
      const s = `Peer SQL 10 ind × 10 yr × 20 countries, ${variant}`;
      rows.push(
        row(s, 'postgres.js c=1 mean', drv.mean, 'ms', { name: 'pgbench latency', value: floor.latencyMs }),
        row(s, 'db.execute(sql) c=1 mean', drz.mean, 'ms', {
          name: 'pgbench latency',
          value: floor.latencyMs,
        }),
      );
      if (variant === 'schema indexes') {
        uncoveredMs = floor.latencyMs;
        schemaIndexesMs = drv.mean;
      } else {
        rows.push(
          row(s, 'pgbench latency', floor.latencyMs, 'ms', {
            name: 'pgbench, schema indexes',
            value: uncoveredMs,
          }),
        );
        const pg50 = await pgbench(opts.url, script, 50);
        const drv50 = await loop(viaDriver, { concurrency: 50 });
        rows.push(
          row(s, 'postgres.js c=50', drv50.rps, 'q/s', { name: 'pgbench c=50 tps', value: pg50.tps }),
        );
      }
    }
  } finally {
    await client.unsafe('drop index if exists bench_values_cover_ix');
    await client.end();
  }
  return { rows, schemaIndexesMs };
}
