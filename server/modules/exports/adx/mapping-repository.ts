import { eq, sql } from 'drizzle-orm';
import { type AdxMapping, AdxMappingSchema } from '../../../../shared';
import type { DbOrTx } from '../../../db/client';
import { adxMappings } from '../../../db/schema';
import { AppError } from '../../../lib/errors';

const ID = 'default';

/** The stored ADX mapping; none stored yet: our own codes (version 0). */
export async function readAdxMapping(db: DbOrTx) {
  const [row] = await db.select().from(adxMappings).where(eq(adxMappings.id, ID));
  if (!row) return { mapping: AdxMappingSchema.parse({}), version: 0, updatedAt: null };
  return {
    mapping: AdxMappingSchema.parse(row.mapping),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Replaces the mapping if `version` is the stored one (409 otherwise: someone changed it meanwhile). */
export async function writeAdxMapping(db: DbOrTx, mapping: AdxMapping, version: number, userId: number) {
  const next = version + 1;
  const rows =
    version === 0
      ? await db
          .insert(adxMappings)
          .values({ id: ID, mapping, version: 1, updatedBy: userId })
          .onConflictDoNothing()
          .returning({ version: adxMappings.version })
      : await db
          .update(adxMappings)
          .set({ mapping, version: next, updatedBy: userId, updatedAt: sql`now()` })
          .where(sql`${adxMappings.id} = ${ID} and ${adxMappings.version} = ${version}`)
          .returning({ version: adxMappings.version });
  if (rows.length === 0)
    throw new AppError(
      409,
      `version: the ADX mapping changed meanwhile (you sent version ${version}); reload it`,
    );
}
