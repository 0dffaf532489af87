import { integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * How our codes map to a receiving system's codes in ADX exports: one row, id 'default',
 * edited by administrators (GET/PUT /api/exports/adx-mapping). Absent: our own codes.
 */
export const adxMappings = pgTable('adx_mappings', {
  id: varchar('id', { length: 32 }).primaryKey(),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
