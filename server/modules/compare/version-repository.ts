import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sqlTemplate, templateRows } from '../../db/driver';

/** Built once: every comparison request runs it, and drizzle's query builder costs more than the read. */
const VERSION = sqlTemplate(sql`select version from analytics_version where id = 1`);

/** The data version behind the comparisons (analytics_version, bumped by the triggers of every write). */
export async function currentVersion(db: DbOrTx): Promise<number> {
  const rows = await templateRows<{ version: number | string }>(db, VERSION, {});
  return Number(rows[0]?.version ?? 0);
}
