import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { countries } from './countries';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored as typed (trimmed); unique case-insensitively through the lower(email) index. */
    email: varchar('email', { length: 254 }).notNull(),
    displayName: varchar('display_name', { length: 120 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Demo accounts of the embedded database are marked so the UI and the logs can say so. */
    demo: boolean('demo').notNull().default(false),
    /** Interface language the user picked (en, fr, es, ar); null: the browser's. */
    locale: varchar('locale', { length: 8 }),
    /** The daily e-mail digest of what is due (sent only when the server has SMTP configured). */
    emailReminders: boolean('email_reminders').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 16 }).notNull(),
    /** Null for roles that span every country (admin, facilitator). */
    countryIso3: char('country_iso3', { length: 3 }).references(() => countries.iso3),
    /** Focal points may be limited to some One Health sectors; empty = every sector. */
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignments_user_ix').on(t.userId),
    uniqueIndex('role_assignments_uq').on(t.userId, t.role, sql`coalesce(${t.countryIso3}, '')`),
    check(
      'role_assignments_role_ck',
      sql`${t.role} in ('admin','facilitator','validator','focal_point','viewer')`,
    ),
    check(
      'role_assignments_scope_ck',
      sql`(${t.role} in ('admin','facilitator')) = (${t.countryIso3} is null)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the random token in the cookie: a leaked table does not sign anyone in. */
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [index('sessions_user_ix').on(t.userId), index('sessions_expires_ix').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    /** First characters of the token, shown in lists so a user can tell tokens apart. */
    prefix: varchar('prefix', { length: 16 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    scope: varchar('scope', { length: 8 }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
    index('api_tokens_user_ix').on(t.userId),
    check('api_tokens_scope_ck', sql`${t.scope} in ('read','write')`),
  ],
);

/**
 * One-time links to set a new password, made by an administrator (or sent by e-mail): only the
 * SHA-256 of the secret is kept; a link works once, until it expires, and a newer link for the same
 * account replaces it.
 */
export const passwordResetLinks = pgTable(
  'password_reset_links',
  {
    id: serial('id').primaryKey(),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_reset_links_hash_uq').on(t.tokenHash),
    index('password_reset_links_user_ix').on(t.userId),
  ],
);

/** Failed sign-ins per account ('account:<email>') and per address ('ip:<addr>'), shared by every process. */
export const loginThrottle = pgTable('login_throttle', {
  key: varchar('key', { length: 300 }).primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const authEvents = pgTable(
  'auth_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    event: varchar('event', { length: 48 }).notNull(),
    /** Who acted (null: anonymous, e.g. a failed sign-in). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Whom it concerns (the account signed in to, the user whose roles changed …). */
    subjectId: integer('subject_id').references(() => users.id, { onDelete: 'set null' }),
    ip: varchar('ip', { length: 64 }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('auth_events_at_ix').on(t.at), index('auth_events_subject_ix').on(t.subjectId)],
);
