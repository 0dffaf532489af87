import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from './client';

/** What the refresh logs through (the server's logger; a test's recorder). */
type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** How often the embedded database's statistics are checked (Postgres's autovacuum wakes every minute). */
export const STATISTICS_EVERY_MS = 60_000;

/**
 * The tables of the app's schema whose planner statistics are missing or stale, by autovacuum's own
 * rule: never analysed while holding rows (reltuples is -1 until then, across restarts; the activity
 * counters are not), or more rows changed since the last ANALYZE than
 * autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × rows (50 + 10 % by default).
 *
 * Postgres's autovacuum keeps these fresh on a server. PGlite runs no autovacuum: without this, a
 * database loaded by the app was never analysed, and the planner guessed its row counts (the whole
 * export's join ran as a nested loop over 7.6 million row pairs: 6.3 s instead of 1.2 s on PGlite).
 */
async function staleTables(database: Database, db?: DbOrTx): Promise<string[]> {
  const rows = await database.rows<{ name: string }>(
    sql`select c.relname as name
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_stat_user_tables s on s.relid = c.oid
      where n.nspname = current_schema() and c.relkind = 'r'
        and ((c.reltuples < 0 and pg_relation_size(c.oid) > 0)
          or s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
            + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0))
      order by c.relname`,
    db,
  );
  return rows.map((r) => r.name);
}

/**
 * ANALYZE of the tables staleTables finds, in one statement; returns what it analysed and how long it
 * took (nothing when every table's statistics are fresh). Idempotent: several processes may run it.
 */
export async function analyzeStale(database: Database, db?: DbOrTx) {
  const started = performance.now();
  const tables = await staleTables(database, db);
  if (tables.length > 0) {
    const names = tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ');
    await database.rows(sql.raw(`analyze ${names}`), db);
  }
  return { tables, ms: Math.round(performance.now() - started) };
}

/** One check (and ANALYZE of what it finds), logged; a failure is logged, not thrown. */
async function checkAndLog(database: Database, log: Log, onFailure: string) {
  try {
    const done = await analyzeStale(database);
    if (done.tables.length > 0) log.info(done, 'planner statistics refreshed (ANALYZE)');
  } catch (err) {
    log.warn({ err }, onFailure);
  }
}

/** How long after it starts serving a server checks what its start left to it (see prepareDatabase). */
export const DEFERRED_CHECK_MS = 5_000;

/**
 * The check once, in the background, `afterMs` from now (a timer that does not keep the process alive):
 * a Postgres server whose start wrote nothing (prepareDatabase left it to the server, which lets its
 * first requests go first); autovacuum keeps the statistics after that.
 */
export function checkStatisticsOnce(database: Database, log: Log, afterMs = DEFERRED_CHECK_MS): () => void {
  const timer = setTimeout(
    () => void checkAndLog(database, log, 'planner statistics check failed; autovacuum will refresh them'),
    afterMs,
  );
  timer.unref();
  return () => clearTimeout(timer);
}

/**
 * The embedded database's stand-in for autovacuum's ANALYZE: checked every `everyMs` on timers that do
 * not keep the process alive, the first time after `firstCheckMs` (a start that wrote nothing left its
 * check to the server, which makes it a few seconds after it serves; one that wrote ran it in
 * prepareDatabase); a failed check is logged and tried again at the next tick. Returns a function that
 * stops the timers.
 */
export function startStatisticsRefresh(
  database: Database,
  log: Log,
  { everyMs = STATISTICS_EVERY_MS, firstCheckMs = everyMs }: { everyMs?: number; firstCheckMs?: number } = {},
) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await checkAndLog(
        database,
        log,
        'planner statistics refresh failed; trying again at the next interval',
      );
    } finally {
      running = false;
    }
  };
  // An earlier first check on a timer of its own; at the interval's own time the interval makes it.
  const first = firstCheckMs < everyMs ? setTimeout(() => void tick(), firstCheckMs) : undefined;
  first?.unref();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
