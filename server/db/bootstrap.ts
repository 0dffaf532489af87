import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { importRoundClassification, importTracssWorkbook } from '../modules/imports/tracss-import';
import { type AccountsOptions, ensureAccounts } from './accounts';
import type { Database, Db } from './client';
import { loadClassifications } from './reference/classifications';
import { loadCountries } from './reference/countries';
import { loadCrosswalks } from './reference/crosswalk';
import {
  referenceFingerprint,
  storedReferenceFingerprint,
  storeReferenceFingerprint,
} from './reference/fingerprint';
import { loadJordanPlan } from './reference/jordan-plan';
import { loadMeProfiles } from './reference/me-profiles';
import { TRACSS_2019_2020_XLSX } from './reference/paths';
import { seedPeerGroups } from './reference/peer-groups';
import { TRACSS_2025, TRACSS_2025_CSV } from './reference/tracss-2025';
import { loadTracssFramework, TRACSS_2019_2020 } from './reference/tracss-framework';
import { importRuns, roundClassifications } from './schema';
import { analyzeStale } from './statistics';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** The rounds shipped, each with the portal's file its answers are imported from. */
const SHIPPED_ROUNDS = [
  { round: TRACSS_2019_2020, file: TRACSS_2019_2020_XLSX, what: 'the portal spreadsheet' },
  { round: TRACSS_2025, file: TRACSS_2025_CSV, what: 'the portal export of 1 October 2025' },
];

/**
 * Migrates, then loads the reference data once: countries, the TrACSS 2019–2020 and 2025 frameworks
 * and the rounds' answers, imported from the portal's files through the same importer users run, the
 * reviewed crosswalks between the rounds, Jordan's plan and the published layer of the M&E profiles.
 * Idempotent, and serialised across processes by the startup lock.
 */
export async function prepareDatabase(
  database: Database,
  opts: {
    loadReferenceData: boolean;
    log?: Log;
    accounts?: Omit<AccountsOptions, 'log'>;
    /**
     * When this start writes nothing (no migration, no reference data loaded), leave the planner
     * statistics' check to the caller, which runs it a few seconds after it serves (the server): on a
     * cold PGlite the check took 45–130 ms of a restart that changed nothing (docs/benchmarks.md).
     */
    deferUnchangedStatistics?: boolean;
  },
): Promise<{ statisticsDeferred: boolean }> {
  // The reference files' hash (8–9 ms of reading and hashing), taken in a microtask: after the startup
  // lock has been asked for below (on Postgres its connection is then being made, time spent waiting on
  // the network). A failure rejects what the lock's callback awaits, so the lock is let go first.
  const fingerprint = Promise.resolve().then(() => (opts.loadReferenceData ? referenceFingerprint() : ''));
  // Awaited in the callback; a failure before it (the migration) must not count as unhandled.
  fingerprint.catch(() => {});
  const statisticsDeferred = await database.withStartupLock(async (db) => {
    const t0 = performance.now();
    const migrated = await database.migrate(db);
    opts.log?.info({ ms: Math.round(performance.now() - t0) }, 'database migrated');
    const loaded =
      opts.loadReferenceData && (await loadReferenceData(database, db, await fingerprint, opts.log));
    if (opts.deferUnchangedStatistics && !migrated && !loaded) return true;
    // A first load (or a database never analysed) gets its planner statistics now, before the first
    // request: PGlite has no autovacuum, and on Postgres it would come up to a minute later.
    const analysed = await analyzeStale(database, db);
    if (analysed.tables.length > 0) opts.log?.info(analysed, 'planner statistics refreshed (ANALYZE)');
    return false;
  });
  // First run: the configured administrator or the demo accounts (after the countries they refer to).
  const accounts = opts.accounts;
  if (accounts) await database.withStartupLock((db) => ensureAccounts(db, { ...accounts, log: opts.log }));
  return { statisticsDeferred };
}

/** The reference data (see prepareDatabase), under the startup lock; true when it wrote any. */
async function loadReferenceData(
  database: Database,
  db: Db,
  fingerprint: string,
  log: Log | undefined,
): Promise<boolean> {
  const t0 = performance.now();
  // Skipped when this database was loaded from the same files by the same loaders (a restart).
  const reload = (await storedReferenceFingerprint(db)) !== fingerprint;
  if (reload) {
    await db.transaction(async (tx) => {
      await loadCountries(tx);
      // WHO regions, income groups and membership over time; today's values onto the countries.
      await loadClassifications(tx);
      await loadTracssFramework(tx);
      await seedPeerGroups(tx);
      // Jordan's NAP 2018–2022, the case study, as transcribed from the plan (and the invented rows
      // of earlier versions removed).
      const jordan = await loadJordanPlan(tx);
      if (jordan.removed.activities + jordan.removed.indicators + jordan.removed.keptIndicators > 0)
        log?.warn(jordan.removed, "Jordan's plan: invented rows of an earlier version removed (audited)");
      if (jordan.unlinked > 0)
        log?.info({ rows: jordan.unlinked }, "Jordan's plan: activities loaded without an intervention link");
      // The published layer of the M&E profiles we ship (skipped quietly when a file is absent).
      const profiles = await loadMeProfiles(tx);
      if (profiles.loaded + profiles.removed > 0)
        log?.info(profiles, 'M&E profiles: published sections loaded (audited)');
      await storeReferenceFingerprint(tx, fingerprint);
    });
  }
  let imported = false;
  for (const shipped of SHIPPED_ROUNDS)
    imported = (await importShippedRound({ ...database, db }, shipped, log)) || imported;
  // The reviewed crosswalks between rounds, once the rounds they link exist: keep this after every
  // round's import (a crosswalk whose round is not loaded is skipped with a warning).
  const crosswalks = await loadCrosswalks(db, log);
  log?.info({ ms: Math.round(performance.now() - t0) }, 'reference data ready');
  return reload || imported || crosswalks.some((c) => c.status === 'loaded');
}

/**
 * A shipped round's answers, imported from its file unless an import of the period ran before; and,
 * for a round imported before its own classification was kept, that classification from the same file.
 * True when it wrote either.
 */
async function importShippedRound(
  database: Database,
  shipped: (typeof SHIPPED_ROUNDS)[number],
  log: Log | undefined,
): Promise<boolean> {
  const t = shipped.round;
  // Read only when needed: a restart finds both done and reads nothing.
  const file = async () => ({
    data: await readFile(shipped.file),
    fileName: path.basename(shipped.file),
    frameworkCode: t.code,
  });
  let state = await shippedRoundState(database, t);
  const importedBefore = state.imported;
  if (!importedBefore) {
    const t0 = performance.now();
    const result = await importTracssWorkbook(database, { ...(await file()), periodCode: t.period.code });
    log?.info(
      { countries: result.countries, values: result.values, ms: Math.round(performance.now() - t0) },
      `${t.name} answers imported from ${shipped.what}`,
    );
    state = await shippedRoundState(database, t);
  }
  if (!state.classified) {
    const n = await importRoundClassification(database, await file());
    log?.info({ countries: n }, `${t.name} classification of its countries read from its file`);
    return true;
  }
  return !importedBefore;
}

/**
 * Whether an import of a shipped round's period ran, and whether the round's classification of its
 * countries is stored: one statement, which a restart asks per round and finds both done (it asked four).
 */
async function shippedRoundState(
  database: Database,
  t: (typeof SHIPPED_ROUNDS)[number]['round'],
): Promise<{ imported: boolean; classified: boolean }> {
  const [state] = await database.rows<{ imported: boolean; classified: boolean }>(
    sql`select exists (select 1 from ${importRuns}
          where ${importRuns.frameworkCode} = ${t.code} and ${importRuns.periodCode} = ${t.period.code}) as imported,
        exists (select 1 from ${roundClassifications}
          where ${roundClassifications.frameworkCode} = ${t.code}) as classified`,
    database.db,
  );
  return { imported: state?.imported === true, classified: state?.classified === true };
}
