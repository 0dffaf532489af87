/**
 * CSV export: GET /api/exports/values?format=csv of the whole database (every country,
 * every framework), served by buildApp in this process and read over HTTP, against the same SELECT
 * through `COPY … TO STDOUT` with postgres.js (no HTTP) and psql `\copy`, and against a plain
 * `COPY indicator_values TO STDOUT`. Figures: MB/s and rows/s, and this process's peak RSS over its
 * baseline while exporting (sampled every 10 ms; the export must stay flat: < 150 MB over baseline).
 * The NDJSON export of the same rows (written by Postgres too: ≥ 0.9× the CSV's throughput, < 150 MB), the
 * XLSX export (its Values sheet written by Postgres as SpreadsheetML and deflated into a streamed zip: time
 * ≤ 3× the CSV export's, < 150 MB) and the ADX export of the approved numeric values (streamed after a
 * counting pass: < 150 MB; its throughput against the CSV's is informative).
 *
 * Standalone: `npx tsx tests/bench/export.ts` creates a bench database, loads the 291,000 synthetic
 * values (tests/bench/dataset.ts) and prints the rows.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { copyOutOwnConnection } from '../../server/db/copy-out';
import { planLinks } from '../../server/modules/exports/plan-links';
import type { ExportScope } from '../../server/modules/exports/scope';
import { exportSelectSql } from '../../server/modules/exports/select-sql';
import { copyValuesPostgres, createBenchDatabase, loadDataset, openBenchPostgres } from './dataset';
import { type Row, row, table } from './report';

interface Run {
  seconds: number;
  bytes: number;
  peakOverBaselineMb: number;
}

/** Runs fn while sampling this process's RSS; peak over the RSS just before it started. */
async function measured(fn: () => Promise<number>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t = performance.now();
  try {
    const bytes = await fn();
    return {
      seconds: (performance.now() - t) / 1000,
      bytes,
      peakOverBaselineMb: (peak - baseline) / 1024 / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

async function httpBytes(url: string): Promise<number> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return drain(res.body as unknown as AsyncIterable<Uint8Array>);
}

function psqlCopy(url: string, select: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [
      url,
      '-X',
      '-q',
      '-c',
      `\\copy (${select.replace(/\n/g, ' ')}) to stdout with (format csv, header)`,
    ]);
    let n = 0;
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      n += c.length;
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(n) : reject(new Error(`psql exited ${code}: ${err}`))));
  });
}

/**
 * The CSV export benchmark on a loaded bench database (Postgres). `url` is the database's URL (the
 * export and the floors open their own connections to it). Returns the bench report's rows.
 */
export async function benchCsvExport(opts: {
  database: Database;
  url: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { database, url, log } = opts;
  const countries = (
    await database.rows<{ iso3: string }>(sql`select iso3 from countries order by iso3`)
  ).map((r) => r.iso3);
  const [count] = await database.rows<{ n: number }>(sql`select count(*)::int as n from indicator_values`);
  const rowsTotal = count?.n ?? 0;
  const scope: ExportScope = {
    countries,
    draftCountries: new Set(),
    plan: null,
    frameworkCode: null,
    from: null,
    to: null,
  };
  const links = await planLinks(database.db, scope, new Set(countries));
  const select = exportSelectSql(scope, links, { csv: true, countries });
  const app = await buildApp({ database });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const S = `CSV export, whole database (${rowsTotal.toLocaleString('en')} values)`;
  const mbps = (r: Run) => r.bytes / 1024 / 1024 / r.seconds;
  try {
    log('  warm-up');
    await httpBytes(`${base}/api/exports/values?format=csv`);
    log('  ours: GET /api/exports/values?format=csv');
    const ours = await measured(() => httpBytes(`${base}/api/exports/values?format=csv`));
    log('  floor: postgres.js COPY (same SELECT) TO STDOUT');
    const copy = await measured(() =>
      drain(copyOutOwnConnection(url, `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`)),
    );
    log('  floor: psql \\copy (same SELECT)');
    const psql = await measured(() => psqlCopy(url, select));
    log('  floor: COPY indicator_values TO STDOUT (no joins)');
    const plain = await measured(() =>
      drain(copyOutOwnConnection(url, 'COPY indicator_values TO STDOUT WITH (FORMAT csv, HEADER)')),
    );
    log('  NDJSON, XLSX and ADX exports');
    const ndjson = await measured(() => httpBytes(`${base}/api/exports/values?format=ndjson`));
    const xlsx = await measured(() => httpBytes(`${base}/api/exports/values?format=xlsx`));
    const adx = await measured(() => httpBytes(`${base}/api/exports/adx`));
    log(`  ours ${ours.bytes} bytes; copy ${copy.bytes}; psql ${psql.bytes}`);
    return [
      row(S, 'HTTP CSV export throughput', mbps(ours), 'MB/s', {
        name: 'postgres.js COPY, same SELECT',
        value: mbps(copy),
      }),
      row(S, 'HTTP CSV export throughput', mbps(ours), 'MB/s', {
        name: 'psql \\copy, same SELECT',
        value: mbps(psql),
      }),
      row(S, 'HTTP CSV export rows/s', rowsTotal / ours.seconds, 'rows/s', {
        name: 'psql \\copy, same SELECT',
        value: rowsTotal / psql.seconds,
      }),
      row(S, 'postgres.js COPY of the export SELECT', mbps(copy), 'MB/s', {
        name: 'COPY indicator_values (no joins)',
        value: mbps(plain),
      }),
      row(S, 'HTTP CSV export: peak RSS over baseline', ours.peakOverBaselineMb, 'MB', null, {
        valueMax: 150,
      }),
      // NDJSON is written by Postgres through COPY like the CSV (row_to_json): flat memory.
      row(S, 'HTTP NDJSON export: peak RSS over baseline', ndjson.peakOverBaselineMb, 'MB', null, {
        valueMax: 150,
      }),
      row(S, 'HTTP XLSX export: peak RSS over baseline', xlsx.peakOverBaselineMb, 'MB', null, {
        valueMax: 150,
      }),
      row(S, 'HTTP ADX export: peak RSS over baseline', adx.peakOverBaselineMb, 'MB', null, {
        valueMax: 150,
      }),
      row(
        S,
        'HTTP NDJSON export throughput',
        mbps(ndjson),
        'MB/s',
        { name: 'HTTP CSV export', value: mbps(ours) },
        { ratioMin: 0.9 },
      ),
      row(
        S,
        'HTTP XLSX export time',
        xlsx.seconds,
        's',
        { name: 'HTTP CSV export', value: ours.seconds },
        { ratioMax: 3 },
      ),
      row(S, 'HTTP ADX export throughput (values file, informative)', mbps(adx), 'MB/s', {
        name: 'HTTP CSV export',
        value: mbps(ours),
      }),
      row(S, 'HTTP ADX export time (informative)', adx.seconds, 's', {
        name: 'HTTP CSV export',
        value: ours.seconds,
      }),
    ];
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const bench = await createBenchDatabase('nap_bench_export');
  const database = await openBenchPostgres(bench.url, 10);
  try {
    const client = postgres(bench.url, { max: 1, onnotice: () => {} });
    await loadDataset(database, { scale: 1, copy: (chunks) => copyValuesPostgres(client, chunks) });
    await client.unsafe('vacuum analyze');
    await client.end();
    const rows = await benchCsvExport({ database, url: bench.url, log });
    process.stdout.write(`${table(rows)}\n`);
  } finally {
    await database.close();
    await bench.drop();
  }
}
