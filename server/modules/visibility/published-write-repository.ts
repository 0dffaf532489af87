import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/**
 * Marks the transaction as an import of published data. The database refuses any other write to a
 * published framework's values (trigger nap_published_guard, migration 0010), whatever the code
 * path; only the importers (the first start, the CLI, an administrator's upload) call this, and they
 * audit the import in the same transaction.
 */
export async function allowPublishedWrite(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select set_config('nap.published_write', 'on', true)`);
}
