import { sql } from 'drizzle-orm';
import { check, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Translations of content: an indicator's name or a level's wording, an objective's or an
 * activity's title, in one interface language. The original stays in its own table; the API falls
 * back to it (and says so) when no translation exists.
 */
export const translations = pgTable(
  'translations',
  {
    id: serial('id').primaryKey(),
    entityType: varchar('entity_type', { length: 16 }).notNull(),
    entityId: integer('entity_id').notNull(),
    field: varchar('field', { length: 16 }).notNull(),
    locale: varchar('locale', { length: 8 }).notNull(),
    text: text('text').notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('translations_entity_field_locale_uq').on(t.entityType, t.entityId, t.field, t.locale),
    check('translations_entity_type_ck', sql`${t.entityType} in ('indicator','objective','activity')`),
    check('translations_locale_ck', sql`${t.locale} in ('en','fr','es','ar')`),
  ],
);
