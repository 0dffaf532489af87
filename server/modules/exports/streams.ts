import { EXPORT_COLUMNS, type ExportRow } from '../../../shared';
import type { Database } from '../../db/client';
import { countryBatches, linksOf } from './batches';
import type { PlanLink } from './plan-links';
import type { TypedRow } from './rows';
import type { ExportScope } from './scope';
import { exportNdjsonSql, exportSelectSql } from './select-sql';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The tidy CSV, formatted by Postgres itself: `COPY (SELECT …) TO STDOUT WITH (FORMAT csv, HEADER)`.
 * On Postgres one COPY streams the whole export from the server (flat memory in Node); on PGlite,
 * which can only COPY to a blob, one COPY per batch of countries keeps each blob small (batches.ts).
 */
export async function* csvChunks(database: Database, scope: ExportScope, links: PlanLink[], bom: boolean) {
  if (bom) yield BOM;
  const copy = (countries: string[], header: boolean) => {
    const select = exportSelectSql(scope, linksOf(links, countries), { csv: true, countries });
    return `COPY (${select}) TO STDOUT WITH (FORMAT csv${header ? ', HEADER' : ''})`;
  };
  const batches = await countryBatches(database, scope);
  // No value to write: the header alone.
  if (batches.length === 0) yield* database.copyOut(copy([], true));
  for (const [n, countries] of batches.entries()) yield* database.copyOut(copy(countries, n === 0));
}

/**
 * The tidy NDJSON, written by Postgres like the CSV (one COPY on Postgres, one per batch of countries on
 * PGlite): no row passes through JavaScript, so it streams at COPY's speed with flat memory.
 */
export async function* ndjsonChunks(database: Database, scope: ExportScope, links: PlanLink[]) {
  for (const countries of await countryBatches(database, scope))
    yield* database.copyOut(exportNdjsonSql(scope, linksOf(links, countries), countries));
}

/** A row with the export's keys in the export's column order. */
export function ordered(r: TypedRow): ExportRow {
  return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, r[c]])) as ExportRow;
}

/** A JSON array, one row per line, streamed (format=json; NDJSON is written by Postgres, above). */
export async function* jsonChunks(rows: AsyncIterable<TypedRow>) {
  let batch: string[] = [];
  let first = true;
  yield '[\n';
  for await (const r of rows) {
    batch.push(`${first ? '' : ',\n'}${JSON.stringify(ordered(r))}`);
    first = false;
    if (batch.length >= 500) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
  yield '\n]\n';
}
