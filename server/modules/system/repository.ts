import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/** Throws unless the database answers and holds the migrated tables (countries is among the first). */
export async function pingMigratedDatabase(database: Database): Promise<void> {
  await database.rows(sql`select 1 from countries limit 1`);
}
