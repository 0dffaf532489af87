/**
 * `npm run bench` (budgets and figures: docs/benchmarks.md): every benchmark that runs on what the
 * app has today, each figure with its floor measured in the same run. Prints one table and writes
 * bench-results/*.json.
 *   --scale=10   sub-national scale (10× the values); default national scale (194 × 150 × 10)
 *   BENCH_SECONDS=n  seconds per measured loop (default 4); BENCH_DATABASE_URL  admin connection
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { compareCountry } from '../../server/modules/compare/service';
import { benchBulkInsert } from './bulk-insert';
import { benchClient } from './client';
import { benchClientGrid } from './client-grid';
import { benchClientSlowLink } from './client-slow';
import {
  comparisonInput,
  copyValuesPostgres,
  createBenchDatabase,
  loadDataset,
  openBenchPostgres,
} from './dataset';
import { benchEndpoints } from './endpoints';
import { benchCsvExport } from './export';
import { loop } from './measure';
import { benchPeerQuery } from './peer-query';
import { firstJsonLine, node, serverPeakRss, stop } from './processes';
import { machine, type Row, row, table, writeResults } from './report';
import { benchCountryReport } from './report-pdf';
import { benchRoundImport } from './round-import';
import { benchStartup } from './startup';
import { benchUploads } from './uploads';
import { benchTwoProcesses, benchValueSaves } from './writes';

const scale = Number(/--scale=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 1);
/** --only=endpoints,saves  runs the sections whose names contain one of the words (and the dataset). */
const only = /--only=([\w,-]+)/.exec(process.argv.join(' '))?.[1]?.split(',') ?? null;
const started = performance.now();
const log = (s: string) => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
};
const rows: Row[] = [];
const errors: { section: string; error: string }[] = [];

async function section(name: string, fn: () => Promise<Row[] | undefined>) {
  if (only && !name.startsWith('dataset') && !only.some((o) => name.includes(o))) return;
  log(name);
  try {
    rows.push(...((await fn()) ?? []));
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    errors.push({ section: name, error });
    log(`${name} FAILED: ${error}`);
  }
}

log(`machine: ${JSON.stringify(machine())}; scale ×${scale}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-'));
const bench = await createBenchDatabase();
const database = await openBenchPostgres(bench.url, 60);
let pgCompareMs = Number.NaN;
let pgPeerMs = Number.NaN;
let dataset: Awaited<ReturnType<typeof loadDataset>> | undefined;
try {
  await section('dataset: migrate (prepareDatabase) and COPY the synthetic values', async () => {
    const client = postgres(bench.url, { max: 1, onnotice: () => {} });
    try {
      const t = performance.now();
      dataset = await loadDataset(database, { scale, copy: (chunks) => copyValuesPostgres(client, chunks) });
      const s = (performance.now() - t) / 1000;
      await client.unsafe('vacuum analyze');
      const [count] = await database.rows<{ n: number }>(
        sql`select count(*)::int as n from indicator_values`,
      );
      log(`  ${count?.n} values in indicator_values (${dataset.values} synthetic) in ${s.toFixed(1)} s`);
      return [
        row('Dataset', `migrate + reference data + generate and COPY ${dataset.values} values`, s, 's', null),
      ];
    } finally {
      await client.end();
    }
  });
  if (!dataset) throw new Error('no dataset: nothing to measure');
  const input = comparisonInput(dataset);

  await section('peer-comparison SQL', async () => {
    const r = await benchPeerQuery({ url: bench.url, database, input: input.peer, log });
    pgPeerMs = r.schemaIndexesMs;
    const svc = await loop(
      () =>
        compareCountry(database.db, {
          framework: 'bench-round',
          period: input.period,
          country: input.country,
          groupType: 'countries',
          group: input.group.join(','),
        }),
      { maxOps: 500 },
    );
    pgCompareMs = svc.mean;
    return r.rows;
  });

  await section('comparison endpoints over HTTP', () =>
    benchEndpoints({
      url: bench.url,
      country: input.country,
      period: input.period,
      group: input.group,
      scale,
      log,
    }),
  );
  await section('value saves', () => benchValueSaves({ url: bench.url, period: input.period, log }));
  await section('two processes behind a balancer', () =>
    benchTwoProcesses({
      url: bench.url,
      path: `/api/compare?framework=bench-round&period=${input.period}&country=${input.country}&groupType=who_region`,
      log,
    }),
  );
  await section('country PDF report', () => benchCountryReport({ database, iso3: input.country, log }));
  await section('CSV export', () => benchCsvExport({ database, url: bench.url, log }));
  await section('client bundle and first chart', () => benchClient({ dbUrl: bench.url, tmp, log }));
  await section('client on a slow link', () => benchClientSlowLink({ dbUrl: bench.url, tmp, log }));
  await section('client grid at work', () => benchClientGrid({ dbUrl: bench.url, tmp, log }));
  await section('bulk insert', () =>
    benchBulkInsert({ url: bench.url, database, countries: dataset?.countries ?? [], log }),
  );
  await section('round import', () => benchRoundImport({ url: bench.url, database, log }));
} finally {
  await database.close();
  await bench.drop();
}

await section('PGlite with the national-scale data (own process)', async () => {
  const keep = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-pglite-'));
  const child = node('tests/bench/pglite-child.ts', { BENCH_KEEP_DIR: keep });
  try {
    const r = await firstJsonLine<{
      loadS: number;
      peerMs: number;
      compareMs: number;
      peakRssMb: number;
      values: number;
      dataDir: string;
      period: string;
      country: string;
    }>(child, 600_000);
    await stop(child);
    // The server users run, on the folder just loaded: started, then asked for comparisons.
    const server = await serverPeakRss(r.dataDir, [
      `/api/compare?framework=bench-round&period=${r.period}&country=${r.country}&groupType=who_region`,
      `/api/compare?framework=bench-round&period=${r.period}&country=${r.country}&groupType=all`,
      `/api/compare/heatmap?framework=bench-round&period=${r.period}&groupType=all`,
      `/api/values?country=${r.country}&framework=bench-round&limit=1000`,
    ]);
    const s = `PGlite vs Postgres (${r.values} values)`;
    return [
      row(s, 'peer SQL mean, PGlite', r.peerMs, 'ms', {
        name: 'Postgres (postgres.js), schema indexes',
        value: pgPeerMs,
      }),
      row(s, 'compare service (1 vs 20) mean, PGlite', r.compareMs, 'ms', {
        name: 'Postgres, same service',
        value: pgCompareMs,
      }),
      row(s, 'the server (node dist/server) on that PGlite folder, peak RSS', server.peakMb, 'MB', null, {
        valueMax: 500,
      }),
      row(s, 'the loading process (synthetic data generated in it, COPY), peak RSS', r.peakRssMb, 'MB', null),
      row(s, 'PGlite migrate + reference data + load', r.loadS, 's', null),
    ];
  } finally {
    await stop(child);
    rmSync(keep, { recursive: true, force: true });
  }
});

await section('start-up', () => benchStartup(log));
await section('spreadsheet uploads', () => benchUploads(log));
rmSync(tmp, { recursive: true, force: true });

const file = writeResults(rows, { scale, seconds: (performance.now() - started) / 1000, errors });
process.stdout.write(`\n${table(rows)}\n\n`);
log(`results: ${path.relative(process.cwd(), file)} (and bench-results/latest.json)`);
if (errors.length) {
  log(`${errors.length} section(s) failed: ${errors.map((e) => e.section).join(', ')}`);
  process.exitCode = 1;
}
