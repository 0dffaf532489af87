import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { LevelWording } from '../../shared';

export const countries = pgTable('countries', {
  iso3: char('iso3', { length: 3 }).primaryKey(),
  iso2: char('iso2', { length: 2 }),
  m49Code: varchar('m49_code', { length: 3 }),
  name: text('name').notNull(),
  isoName: text('iso_name').notNull(),
  whoMember: boolean('who_member').notNull(),
  whoRegion: varchar('who_region', { length: 4 }),
  unRegion: text('un_region'),
  unSubregion: text('un_subregion'),
  incomeGroup: varchar('income_group', { length: 3 }),
});

export const frameworks = pgTable('frameworks', {
  code: varchar('code', { length: 64 }).primaryKey(),
  name: text('name').notNull(),
  kind: varchar('kind', { length: 16 }).notNull(),
  description: text('description'),
  source: text('source'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    frameworkCode: varchar('framework_code', { length: 64 })
      .notNull()
      .references(() => frameworks.code, { onDelete: 'cascade' }),
    code: varchar('code', { length: 32 }).notNull(),
    questionCode: varchar('question_code', { length: 32 }),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    subItem: text('sub_item'),
    definition: text('definition'),
    section: text('section'),
    measureType: varchar('measure_type', { length: 16 }).notNull(),
    unit: text('unit'),
    numeratorLabel: text('numerator_label'),
    denominatorLabel: text('denominator_label'),
    direction: varchar('direction', { length: 16 }).notNull().default('increase'),
    levels: jsonb('levels').$type<LevelWording>(),
    gapObjective: smallint('gap_objective'),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    resultLevel: varchar('result_level', { length: 16 }),
    dataSource: text('data_source'),
    frequency: text('frequency'),
    /** Header of the source spreadsheet's column, used by the importer to find the column. */
    sourceColumn: text('source_column'),
  },
  (t) => [
    uniqueIndex('indicators_framework_code_uq').on(t.frameworkCode, t.code),
    check('indicators_gap_objective_ck', sql`${t.gapObjective} between 1 and 5`),
  ],
);

export const periods = pgTable(
  'periods',
  {
    id: serial('id').primaryKey(),
    frameworkCode: varchar('framework_code', { length: 64 })
      .notNull()
      .references(() => frameworks.code, { onDelete: 'cascade' }),
    code: varchar('code', { length: 32 }).notNull(),
    label: text('label').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('periods_framework_code_uq').on(t.frameworkCode, t.code)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    status: varchar('status', { length: 16 }).notNull().default('reported'),
    level: char('level', { length: 1 }),
    numericValue: doublePrecision('numeric_value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    textValue: text('text_value'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_key_uq').on(t.countryIso3, t.indicatorId, t.periodId),
    // Covering index for peer comparison (PERFORMANCE-NOTES: ~3x faster).
    // Peer comparison reads (indicator, period) → (country, level): a composite index that covers it
    // (drizzle cannot declare INCLUDE; PERFORMANCE-NOTES measured ~3x from covering).
    index('indicator_values_compare_ix').on(t.indicatorId, t.periodId, t.countryIso3, t.level),
    check('indicator_values_level_ck', sql`${t.level} in ('A','B','C','D','E')`),
    check('indicator_values_denominator_ck', sql`${t.denominator} is null or ${t.denominator} <> 0`),
    check('indicator_values_status_ck', sql`${t.status} in ('reported','no_data','not_applicable')`),
  ],
);

/** One row per file a user (or the first start) imported; makes reference loading idempotent. */
export const importRuns = pgTable('import_runs', {
  id: serial('id').primaryKey(),
  kind: varchar('kind', { length: 32 }).notNull(),
  frameworkCode: varchar('framework_code', { length: 64 }),
  periodCode: varchar('period_code', { length: 32 }),
  fileName: text('file_name').notNull(),
  sha256: char('sha256', { length: 64 }).notNull(),
  rowCount: integer('row_count').notNull(),
  valueCount: integer('value_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ─── Accounts and access control (issue 3) ───────────────────────────────────────────────────────

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
