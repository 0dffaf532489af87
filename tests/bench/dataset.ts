import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { prepareDatabase } from '../../server/db/bootstrap';
import { type Database, openDatabase } from '../../server/db/client';
import { frameworks, indicators, periods } from '../../server/db/schema';
import { type BenchFramework, copyLine, generateFramework, generateValues, VALUE_COLUMNS } from './generator';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SEED = 20_240_917;

export interface LoadedFramework {
  fw: BenchFramework;
  indicatorIds: number[];
  periodIds: number[];
}

export interface Dataset {
  main: LoadedFramework;
  countries: string[];
  values: number;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh database for one bench run, named after the runner's pid. Databases of earlier runs
 * whose process is gone (a crashed run) are dropped first; those of live processes are left alone.
 */
export async function createBenchDatabase(prefix = 'nap_bench') {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const stale = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${prefix}\\_%`}`;
  for (const { datname } of stale) {
    const pid = Number(datname.split('_').at(-2));
    if (pid && pid !== process.pid && !alive(pid)) {
      await admin.unsafe(`drop database if exists ${datname} with (force)`);
    }
  }
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(ADMIN_URL, name),
    drop: async () => {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function alive(pid: number) {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}

export async function whoMembers(database: Database): Promise<string[]> {
  const rows = await database.rows<{ iso3: string }>(
    sql`select iso3 from countries where who_member order by iso3`,
  );
  return rows.map((r) => r.iso3);
}

/** The framework, its indicators and periods, through drizzle (both drivers). */
export async function insertFramework(database: Database, fw: BenchFramework): Promise<LoadedFramework> {
  const { db } = database;
  await db.insert(frameworks).values({ code: fw.code, name: fw.name, kind: fw.kind, source: 'synthetic' });
  const ind = await db
    .insert(indicators)
    .values(fw.indicators.map((i) => ({ ...i, frameworkCode: fw.code })))
    .returning({ id: indicators.id, sortOrder: indicators.sortOrder });
  const per = await db
    .insert(periods)
    .values(fw.periods.map((p) => ({ ...p, frameworkCode: fw.code })))
    .returning({ id: periods.id, code: periods.code });
  ind.sort((a, b) => a.sortOrder - b.sortOrder);
  per.sort((a, b) => a.code.localeCompare(b.code));
  return { fw, indicatorIds: ind.map((r) => r.id), periodIds: per.map((r) => r.id) };
}

/** COPY text of every value of a framework, in chunks of ~2000 lines. */
export function* copyChunks(f: LoadedFramework, countries: readonly string[], seed: number) {
  let buf: string[] = [];
  for (const v of generateValues(f.fw, countries, seed)) {
    buf.push(copyLine(v, f.indicatorIds[v.indicator] as number, f.periodIds[v.period] as number));
    if (buf.length === 2000) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

export const COPY_VALUES_SQL = `copy indicator_values (${VALUE_COLUMNS.join(', ')}) from stdin`;

/**
 * The bench's frameworks are published data, which only an import may write (the database refuses
 * other writers: migration 0010): the bench's loaders mark their session as one.
 */
export const PUBLISHED_WRITE = "select set_config('nap.published_write', 'on', false)";

export async function copyValuesPostgres(client: postgres.Sql, chunks: Iterable<string>) {
  await client.unsafe(PUBLISHED_WRITE);
  const writable = await client.unsafe(COPY_VALUES_SQL).writable();
  await pipeline(Readable.from(chunks), writable);
}

export async function copyValuesPglite(pg: PGlite, chunks: Iterable<string>) {
  await pg.query(PUBLISHED_WRITE);
  const blob = new Blob([...chunks]);
  await pg.query(`copy indicator_values (${VALUE_COLUMNS.join(', ')}) from '/dev/blob'`, [], { blob });
}

/** Frameworks for a scale: 1 = national; 10 = nine more copies standing in for sub-national units. */
export function benchFrameworks(scale: number): BenchFramework[] {
  return Array.from({ length: scale }, (_, i) =>
    generateFramework({ code: i === 0 ? 'bench-round' : `bench-unit-${i + 1}` }),
  );
}

/**
 * Migrates an empty database through the real start-up path (prepareDatabase: migrations, countries,
 * TrACSS) and loads the synthetic frameworks and their values with COPY.
 */
export async function loadDataset(
  database: Database,
  opts: { scale: number; copy: (chunks: Iterable<string>) => Promise<void> },
): Promise<Dataset> {
  await prepareDatabase(database, { loadReferenceData: true });
  const countries = await whoMembers(database);
  let main: LoadedFramework | undefined;
  let values = 0;
  for (const [i, fw] of benchFrameworks(opts.scale).entries()) {
    const loaded = await insertFramework(database, fw);
    main ??= loaded;
    await opts.copy(copyChunks(loaded, countries, SEED + i));
    values += countries.length * fw.indicators.length * fw.periods.length;
  }
  return { main: main as LoadedFramework, countries, values };
}

export async function openBenchPostgres(url: string, max = 60) {
  return openDatabase({ databaseUrl: url, maxConnections: max });
}

/** The bench's comparison: Jordan and 19 other WHO members, 10 numeric indicators, every year. */
export function comparisonInput(data: Dataset) {
  const others = data.countries.filter((c) => c !== 'JOR').filter((_, i) => i % 10 === 0);
  const group = ['JOR', ...others.slice(0, 19)];
  const numeric = data.main.fw.indicators
    .map((ind, i) => ({ ind, id: data.main.indicatorIds[i] as number }))
    .filter(({ ind }) => ind.measureType === 'number' || ind.measureType === 'percentage')
    .slice(0, 10)
    .map(({ id }) => id);
  return {
    country: 'JOR',
    group,
    period: data.main.fw.periods.at(-1)?.code ?? '',
    peer: { indicatorIds: numeric, periodIds: data.main.periodIds, group, country: 'JOR' },
  };
}
