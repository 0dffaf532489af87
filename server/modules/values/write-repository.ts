import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { indicatorValues } from '../../db/schema';

export interface ValueColumns {
  status: string;
  level: string | null;
  numericValue: number | null;
  numerator: number | null;
  denominator: number | null;
  textValue: string | null;
}

export interface ValueKey {
  countryIso3: string;
  indicatorId: number;
  periodId: number;
}

const returned = { version: indicatorValues.version, updatedAt: indicatorValues.updatedAt };

export async function findValueVersion(db: DbOrTx, k: ValueKey) {
  const [row] = await db
    .select({ id: indicatorValues.id, version: indicatorValues.version })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.countryIso3, k.countryIso3),
        eq(indicatorValues.indicatorId, k.indicatorId),
        eq(indicatorValues.periodId, k.periodId),
      ),
    );
  return row;
}

/** Inserts a new value; undefined when another writer created it first (the unique key held). */
export async function insertValue(db: DbOrTx, k: ValueKey, v: ValueColumns, now: Date) {
  const [row] = await db
    .insert(indicatorValues)
    .values({ ...k, ...v, version: 1, updatedAt: now })
    .onConflictDoNothing()
    .returning(returned);
  return row;
}

/** Updates the value only if it still has the version the writer read; undefined when stale. */
export async function updateValueIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  v: ValueColumns,
  now: Date,
) {
  const [row] = await db
    .update(indicatorValues)
    .set({ ...v, version: version + 1, updatedAt: now })
    .where(and(eq(indicatorValues.id, id), eq(indicatorValues.version, version)))
    .returning(returned);
  return row;
}
