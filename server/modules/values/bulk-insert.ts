import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { indicatorValues } from '../../db/schema';

export type NewValue = typeof indicatorValues.$inferInsert;

/**
 * Inserts many values in ONE statement (INSERT … SELECT from a JSON array parameter): Postgres
 * parses the rows itself, so it runs near COPY speed on Postgres and PGlite alike, and the
 * statement triggers keeping compare_aggregates exact (migration 0008) run once for the whole set
 * instead of once per batch. Use inside the caller's transaction to keep an import all-or-nothing.
 */
export async function insertValues(db: DbOrTx, values: readonly NewValue[], now = new Date()): Promise<void> {
  if (values.length === 0) return;
  const at = now.toISOString();
  const rows = values.map((v) => ({
    country_iso3: v.countryIso3,
    indicator_id: v.indicatorId,
    period_id: v.periodId,
    status: v.status ?? 'reported',
    level: v.level ?? null,
    numeric_value: v.numericValue ?? null,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    text_value: v.textValue ?? null,
    choices: v.choices ?? null,
    status_reason: v.statusReason ?? null,
    version: v.version ?? 1,
    updated_at: v.updatedAt ? v.updatedAt.toISOString() : at,
    updated_by: v.updatedBy ?? null,
  }));
  const columns = sql.raw(
    'country_iso3, indicator_id, period_id, status, level, numeric_value, numerator, denominator, ' +
      'text_value, choices, status_reason, version, updated_at, updated_by',
  );
  await db.execute(sql`insert into indicator_values (${columns})
    select ${columns} from json_populate_recordset(null::indicator_values, ${JSON.stringify(rows)}::json)`);
}
