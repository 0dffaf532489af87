import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { importRoundClassification, importTracssWorkbook } from '../modules/imports/tracss-import';
import { type AccountsOptions, ensureAccounts } from './accounts';
import type { Database } from './client';
import { loadClassifications } from './reference/classifications';
import { loadCountries } from './reference/countries';
import {
  referenceFingerprint,
  storedReferenceFingerprint,
  storeReferenceFingerprint,
} from './reference/fingerprint';
import { loadJordanPlan } from './reference/jordan-plan';
import { TRACSS_2019_2020_XLSX } from './reference/paths';
import { seedPeerGroups } from './reference/peer-groups';
import { loadTracssFramework, TRACSS_2019_2020 } from './reference/tracss-framework';
import { importRuns, roundClassifications } from './schema';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/**
 * Migrates, then loads the reference data once: countries, the TrACSS 2019–2020 framework and the
 * round's answers, imported from the portal's spreadsheet through the same importer users run.
 * Idempotent, and serialised across processes by the startup lock.
 */
export async function prepareDatabase(
  database: Database,
  opts: { loadReferenceData: boolean; log?: Log; accounts?: Omit<AccountsOptions, 'log'> },
) {
  const fingerprint = opts.loadReferenceData ? await referenceFingerprint() : '';
  await database.withStartupLock(async (db) => {
    const t0 = performance.now();
    await database.migrate(db);
    opts.log?.info({ ms: Math.round(performance.now() - t0) }, 'database migrated');
    if (!opts.loadReferenceData) return;
    // Skipped when this database was loaded from the same files by the same loaders (a restart).
    if ((await storedReferenceFingerprint(db)) !== fingerprint) {
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
          opts.log?.warn(
            jordan.removed,
            "Jordan's plan: invented rows of an earlier version removed (audited)",
          );
        if (jordan.unlinked > 0)
          opts.log?.info(
            { rows: jordan.unlinked },
            "Jordan's plan: activities loaded without an intervention link",
          );
        await storeReferenceFingerprint(tx, fingerprint);
      });
    }
    const t = TRACSS_2019_2020;
    const done = await db
      .select({ id: importRuns.id })
      .from(importRuns)
      .where(and(eq(importRuns.frameworkCode, t.code), eq(importRuns.periodCode, t.period.code)))
      .limit(1);
    if (done.length === 0) {
      const result = await importTracssWorkbook(
        { ...database, db },
        {
          data: await readFile(TRACSS_2019_2020_XLSX),
          fileName: path.basename(TRACSS_2019_2020_XLSX),
          frameworkCode: t.code,
          periodCode: t.period.code,
        },
      );
      opts.log?.info(
        { countries: result.countries, values: result.values },
        'TrACSS 2019–2020 answers imported from the portal spreadsheet',
      );
    }
    // A round imported before its own classification was kept: read it from the same file.
    const [classified] = await db
      .select({ n: count() })
      .from(roundClassifications)
      .where(eq(roundClassifications.frameworkCode, t.code));
    if (Number(classified?.n ?? 0) === 0) {
      const n = await importRoundClassification(
        { ...database, db },
        {
          data: await readFile(TRACSS_2019_2020_XLSX),
          fileName: path.basename(TRACSS_2019_2020_XLSX),
          frameworkCode: t.code,
        },
      );
      opts.log?.info({ countries: n }, 'TrACSS 2019–2020 classification of its countries read from its file');
    }
    opts.log?.info({ ms: Math.round(performance.now() - t0) }, 'reference data ready');
  });
  // First run: the configured administrator or the demo accounts (after the countries they refer to).
  const accounts = opts.accounts;
  if (accounts) await database.withStartupLock((db) => ensureAccounts(db, { ...accounts, log: opts.log }));
}
