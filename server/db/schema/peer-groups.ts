import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  pgTable,
  serial,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { countries } from './countries';

/**
 * A facilitator's or user's own set of countries ("Jordan and its peers"). Shared groups are seen
 * by everyone who may read comparisons; private ones by their owner only.
 */
export const peerGroups = pgTable(
  'peer_groups',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 120 }).notNull(),
    description: varchar('description', { length: 1000 }),
    visibility: varchar('visibility', { length: 8 }).notNull(),
    /** Null for groups the first start seeds, or whose owner was deleted (shared groups outlive them). */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** Bumped by every change: a write names the version it read (409 when stale). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('peer_groups_owner_ix').on(t.ownerId),
    check('peer_groups_visibility_ck', sql`${t.visibility} in ('shared','private')`),
  ],
);

export const peerGroupMembers = pgTable(
  'peer_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => peerGroups.id, { onDelete: 'cascade' }),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
  },
  (t) => [uniqueIndex('peer_group_members_uq').on(t.groupId, t.countryIso3)],
);
