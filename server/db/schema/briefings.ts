import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { countries } from './countries';

/** Bytes as Postgres bytea: postgres.js gives a Buffer, PGlite a Uint8Array; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A facilitator's peer-learning session: the group, the case study, the topics and the agenda, and
 * the countries the group held when the session was saved (a WHO region or a saved group changes;
 * the pack sent for a meeting must say which countries it was about). `started_from` links a
 * session to the earlier one it continues.
 */
export const briefingSessions = pgTable(
  'briefing_sessions',
  {
    id: serial('id').primaryKey(),
    title: varchar('title', { length: 200 }).notNull(),
    date: date('date', { mode: 'string' }),
    groupType: varchar('group_type', { length: 16 }).notNull(),
    group: varchar('group', { length: 2000 }),
    caseStudy: char('case_study', { length: 3 }).references(() => countries.iso3),
    topics: text('topics').array().notNull(),
    agenda: varchar('agenda', { length: 4000 }),
    lang: varchar('lang', { length: 2 }).notNull(),
    countries: jsonb('countries').$type<{ iso3: string; name: string }[]>().notNull(),
    startedFrom: integer('started_from').references((): AnyPgColumn => briefingSessions.id, {
      onDelete: 'set null',
    }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('briefing_sessions_updated_ix').on(t.updatedAt),
    check('briefing_sessions_lang_ck', sql`${t.lang} in ('en','fr','es','ar')`),
  ],
);

/** A pack made for a session, kept byte for byte as it was sent (its sha256 proves it). */
export const briefingPacks = pgTable(
  'briefing_packs',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => briefingSessions.id, { onDelete: 'cascade' }),
    format: varchar('format', { length: 4 }).notNull(),
    lang: varchar('lang', { length: 2 }).notNull(),
    content: bytea('content').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('briefing_packs_session_ix').on(t.sessionId, t.id),
    check('briefing_packs_format_ck', sql`${t.format} in ('pdf','xlsx')`),
  ],
);
