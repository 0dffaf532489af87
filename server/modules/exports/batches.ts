import type { Database } from '../../db/client';
import type { PlanLink } from './plan-links';
import { valueCountsByCountry } from './repository';
import type { ExportScope } from './scope';

/** The most values one PGlite statement of an export reads (its COPY blob: about 1.5 MB of CSV). */
export const PGLITE_BATCH_VALUES = 5_000;

/**
 * The countries each statement of an export reads, in the export's order. Postgres: all of them in one
 * statement, which streams a COPY of any size. PGlite copies to a blob in memory, so its statements
 * are kept small: consecutive countries grouped up to `maxValues` values (a country holding more is
 * a batch of its own), countries without any value left out.
 *
 * One statement per country, as before, planned the export's query 249 times: a whole-database CSV
 * export of a database with few values took a second for that alone.
 */
export async function countryBatches(
  database: Database,
  scope: ExportScope,
  maxValues = PGLITE_BATCH_VALUES,
): Promise<string[][]> {
  if (scope.countries.length === 0) return [];
  if (database.kind === 'postgres') return [scope.countries];
  const counts = await valueCountsByCountry(database.db, scope.countries);
  const batches: string[][] = [];
  let batch: string[] = [];
  let held = 0;
  for (const c of scope.countries) {
    const n = counts.get(c) ?? 0;
    if (n === 0) continue;
    if (batch.length > 0 && held + n > maxValues) {
      batches.push(batch);
      batch = [];
      held = 0;
    }
    batch.push(c);
    held += n;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The plan links of these countries. */
export function linksOf(links: PlanLink[], countries: string[]): PlanLink[] {
  const own = new Set(countries);
  return links.filter((l) => own.has(l.c));
}
