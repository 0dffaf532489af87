import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { indicatorValues, users } from '../../db/schema';

export interface ValueColumns {
  status: string;
  level: string | null;
  numericValue: number | null;
  numerator: number | null;
  denominator: number | null;
  textValue: string | null;
  statusReason: string | null;
}

export interface ValueKey {
  countryIso3: string;
  indicatorId: number;
  periodId: number;
}

const returned = {
  id: indicatorValues.id,
  version: indicatorValues.version,
  updatedAt: indicatorValues.updatedAt,
};

/** The stored value with the name of who wrote it (for audits and 409 answers). */
export async function findValue(db: DbOrTx, k: ValueKey) {
  const [row] = await db
    .select({ value: indicatorValues, updatedByName: users.displayName })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.updatedBy))
    .where(
      and(
        eq(indicatorValues.countryIso3, k.countryIso3),
        eq(indicatorValues.indicatorId, k.indicatorId),
        eq(indicatorValues.periodId, k.periodId),
      ),
    );
  return row;
}
export type FoundValue = NonNullable<Awaited<ReturnType<typeof findValue>>>;

/** Inserts a new value; undefined when another writer created it first (the unique key held). */
export async function insertValue(db: DbOrTx, k: ValueKey, v: ValueColumns, now: Date, userId: number) {
  const [row] = await db
    .insert(indicatorValues)
    .values({ ...k, ...v, version: 1, updatedAt: now, updatedBy: userId })
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
  userId: number,
) {
  const [row] = await db
    .update(indicatorValues)
    .set({ ...v, version: version + 1, updatedAt: now, updatedBy: userId })
    .where(and(eq(indicatorValues.id, id), eq(indicatorValues.version, version)))
    .returning(returned);
  return row;
}
