import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { analyzeStale, checkStatisticsOnce, startStatisticsRefresh } from '../../server/db/statistics';
import { openTestDatabase } from '../setup/test-db';

/*
 * The planner's statistics (server/db/statistics.ts): a loaded database is analysed before it serves,
 * and tables are analysed again by autovacuum's rule. PGlite has no autovacuum; without this, its
 * tables were never analysed and the planner guessed their sizes.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

const reltuples = async (table: string) => {
  const [row] = await database.rows<{ n: number }>(
    sql`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`,
  );
  return Number(row?.n);
};

/**
 * A write whose activity counters reach the statistics views before the next step: a backend reports
 * them when it goes idle, at most once a second unless told to on its next report.
 */
async function write(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(statement);
    await tx.execute(sql`select pg_stat_force_next_flush()`);
  });
  await new Promise((r) => setTimeout(r, 300));
}

type RecordingLog = { info: (obj: object, msg: string) => void; warn: () => void };

/**
 * The first line a background check logs: `start` begins it with a recording log and returns its stop,
 * called once a line has come (or the wait has failed).
 */
async function firstLogged(start: (log: RecordingLog) => () => void) {
  const lines: { obj: object; msg: string }[] = [];
  const stop = start({ info: (obj, msg) => lines.push({ obj, msg }), warn: () => {} });
  try {
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
  } finally {
    stop();
  }
  return lines[0];
}

describe('planner statistics', () => {
  it('the prepared database (migrated, reference data loaded) has them', async () => {
    // The template every test database copies went through prepareDatabase, as a first start does.
    const [values] = await database.rows<{ n: number }>(sql`select count(*)::int as n from indicator_values`);
    expect(values?.n).toBeGreaterThan(20_000);
    expect(await reltuples('indicator_values')).toBe(values?.n);
    expect(await reltuples('countries')).toBe(249);
    expect((await analyzeStale(database)).tables).toEqual([]);
  });

  it('a table never analysed that holds rows is analysed, once', async () => {
    await database.rows(sql`create table stats_probe (id int primary key, note text)`);
    expect((await analyzeStale(database)).tables).not.toContain('stats_probe');
    await write(sql`insert into stats_probe select g, 'row ' || g from generate_series(1, 1000) g`);
    expect(await reltuples('stats_probe')).toBe(-1);
    expect((await analyzeStale(database)).tables).toEqual(['stats_probe']);
    expect(await reltuples('stats_probe')).toBe(1000);
    expect((await analyzeStale(database)).tables).toEqual([]);
  });

  it('a table changed by more than 50 rows + 10 % since its last ANALYZE is analysed again', async () => {
    // 120 changes of 1,000 rows: under autovacuum's 150.
    await write(sql`update stats_probe set note = 'changed' where id <= 120`);
    expect((await analyzeStale(database)).tables).toEqual([]);
    // 1,000 more rows: over it.
    await write(sql`insert into stats_probe select g, 'more' from generate_series(1001, 2000) g`);
    expect((await analyzeStale(database)).tables).toEqual(['stats_probe']);
    expect(await reltuples('stats_probe')).toBe(2000);
  });

  it('the embedded database refreshes them on a timer, and says so in the log', async () => {
    await database.rows(sql`create table stats_probe_timer (id int)`);
    await database.rows(sql`insert into stats_probe_timer select generate_series(1, 500)`);
    const line = await firstLogged((log) => startStatisticsRefresh(database, log, { everyMs: 50 }));
    expect(line?.msg).toBe('planner statistics refreshed (ANALYZE)');
    expect(line?.obj).toMatchObject({ tables: ['stats_probe_timer'] });
    expect(await reltuples('stats_probe_timer')).toBe(500);
  });

  it('checks early when the start left its check to the server, before the first interval', async () => {
    await database.rows(sql`create table stats_probe_now (id int)`);
    await write(sql`insert into stats_probe_now select generate_series(1, 300)`);
    // An interval no test waits for: only the first, early check can analyse the table.
    const line = await firstLogged((log) =>
      startStatisticsRefresh(database, log, { everyMs: 3_600_000, firstCheckMs: 50 }),
    );
    expect(line?.obj).toMatchObject({ tables: expect.arrayContaining(['stats_probe_now']) });
    expect(await reltuples('stats_probe_now')).toBe(300);
  });

  it('a Postgres server whose start wrote nothing checks once, in the background', async () => {
    await database.rows(sql`create table stats_probe_once (id int)`);
    await write(sql`insert into stats_probe_once select generate_series(1, 200)`);
    const line = await firstLogged((log) => checkStatisticsOnce(database, log, 50));
    expect(line?.obj).toMatchObject({ tables: expect.arrayContaining(['stats_probe_once']) });
    expect(await reltuples('stats_probe_once')).toBe(200);
  });
});
