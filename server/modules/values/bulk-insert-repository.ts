import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { copyInPostgres } from '../../db/copy-in';
import { driverClient } from '../../db/driver';
import type { indicatorValues } from '../../db/schema';
import { copyNumber, copyText, copyTextArray } from './copy-text';

export type NewValue = typeof indicatorValues.$inferInsert;

const COLUMNS =
  'country_iso3, indicator_id, period_id, status, level, numeric_value, numerator, denominator, ' +
  'text_value, choices, status_reason, version, updated_at, updated_by';
const ROWS_PER_CHUNK = 2000;

/** The values as lines of COPY text format for COLUMNS, in chunks of ROWS_PER_CHUNK lines. */
export function* copyLines(values: readonly NewValue[], now: Date): Generator<string> {
  const at = now.toISOString();
  let chunk = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as NewValue;
    chunk += `${copyText(v.countryIso3)}\t${copyNumber(v.indicatorId)}\t${copyNumber(v.periodId)}\t${copyText(
      v.status ?? 'reported',
    )}\t${copyText(v.level)}\t${copyNumber(v.numericValue)}\t${copyNumber(v.numerator)}\t${copyNumber(
      v.denominator,
    )}\t${copyText(v.textValue)}\t${copyTextArray(v.choices)}\t${copyText(v.statusReason)}\t${copyNumber(
      v.version ?? 1,
    )}\t${v.updatedAt ? v.updatedAt.toISOString() : at}\t${copyNumber(v.updatedBy)}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Inserts many values with one COPY into indicator_values — Postgres's bulk path, the one psql
 * `\copy` takes — on the caller's connection, so inside the caller's transaction (an import stays
 * all-or-nothing). One statement: the statement triggers keeping compare_aggregates exact
 * (migration 0008) and guarding published data (0010) run once for the whole set, and any refused
 * row (a duplicate key, an unknown country, a published framework outside an import) fails it all.
 * postgres.js sends the rows from memory as COPY … FROM STDIN; PGlite reads them as an in-memory file.
 */
export async function insertValues(db: DbOrTx, values: readonly NewValue[], now = new Date()): Promise<void> {
  if (values.length === 0) return;
  const client = driverClient(db);
  if ('sql' in client) {
    if (!is(db, PgTransaction)) return db.transaction((tx) => insertValues(tx, values, now));
    await copyInPostgres(client.sql, `copy indicator_values (${COLUMNS}) from stdin`, copyLines(values, now));
    return;
  }
  const blob = new Blob([...copyLines(values, now)]);
  await client.pglite.query(`copy indicator_values (${COLUMNS}) from '/dev/blob'`, [], { blob });
}
