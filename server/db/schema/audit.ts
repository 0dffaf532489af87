import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Every change of data and workflow: who, when, old → new. Kept apart from auth_events, which
 * records sign-ins and account changes about a user (actor/subject); this log is about entities.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: varchar('entity_type', { length: 32 }).notNull(),
    entityId: varchar('entity_id', { length: 64 }).notNull(),
    action: varchar('action', { length: 32 }).notNull(),
    countryIso3: char('country_iso3', { length: 3 }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    old: jsonb('old').$type<Record<string, unknown>>(),
    new: jsonb('new').$type<Record<string, unknown>>(),
    /** The plan a plan or plan element row belongs to (its history is read by plan); null otherwise. */
    planId: integer('plan_id'),
    /**
     * Where the change came from (shared/constants/history.ts: grid, web, upload, token, import, cli);
     * null for entries written before it was recorded.
     */
    channel: varchar('channel', { length: 16 }),
    /** The uploaded or imported file's name, or the API token's name (as it was then). */
    channelDetail: varchar('channel_detail', { length: 300 }),
  },
  (t) => [
    check('audit_log_channel_ck', sql`${t.channel} in ('grid','web','upload','token','import','cli')`),
    index('audit_log_entity_ix').on(t.entityType, t.entityId, t.id),
    index('audit_log_at_ix').on(t.at),
    index('audit_log_plan_ix').on(t.planId, t.id),
  ],
);
