import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  pgView,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { ChoiceOption, LevelWording, MeSectionContent } from '../../shared';
import { ME_SECTIONS } from '../../shared/constants/me-profile';
import type { NoticeParams } from '../../shared/i18n/notices';

/** An indicator's option as stored: the API's, plus the column a survey file gives it (the importer's). */
export type StoredChoiceOption = ChoiceOption & { sourceColumn?: string };

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
    /** Options of a single- or multiple-choice question (docs/decisions/choice-questions.md). */
    options: jsonb('options').$type<StoredChoiceOption[]>(),
    gapObjective: smallint('gap_objective'),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    resultLevel: varchar('result_level', { length: 16 }),
    dataSource: text('data_source'),
    frequency: text('frequency'),
    /** How the value is expressed, as the source words it ("Percentage", "Yes/No", "Number" …). */
    calculation: text('calculation'),
    /** How the data are collected (survey, official documents, records review …). */
    collectionMethod: text('collection_method'),
    /** Header of the source spreadsheet's column, used by the importer to find the column. */
    sourceColumn: text('source_column'),
    /**
     * A national indicator through which a country reports on another framework's question (a
     * TrACSS question its plan tracks): its values are the country's own data, kept apart from the
     * published answers of that framework, which national reporting never writes.
     */
    followsIndicatorId: integer('follows_indicator_id').references((): AnyPgColumn => indicators.id),
  },
  (t) => [
    uniqueIndex('indicators_framework_code_uq').on(t.frameworkCode, t.code),
    index('indicators_follows_ix').on(t.followsIndicatorId),
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
    /** Codes of the options chosen, for single- and multiple-choice indicators (null otherwise). */
    choices: text('choices').array(),
    /** Why there is no value (status no_data / not_applicable), as the focal point gave it. */
    statusReason: varchar('status_reason', { length: 500 }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who wrote the current version (null: imported, or the account was deleted). */
    updatedBy: integer('updated_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('indicator_values_key_uq').on(t.countryIso3, t.indicatorId, t.periodId),
    // Covering index for peer comparison (PERFORMANCE-NOTES: ~3x faster).
    // Peer comparison reads (indicator, period) → (country, level): a composite index that covers it
    // (drizzle cannot declare INCLUDE; PERFORMANCE-NOTES measured ~3x from covering).
    index('indicator_values_compare_ix').on(t.indicatorId, t.periodId, t.countryIso3, t.level),
    // Heatmap and change views read one period's A–E answers for many countries: a partial index
    // on level answers keyed by period turns a full scan (bench: ~20 ms at 300k values) into an
    // index-only range read.
    index('indicator_values_period_level_ix')
      .on(t.periodId, t.countryIso3, t.indicatorId, t.level)
      .where(sql`${t.level} is not null`),
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

// ─── Accounts and access control ─────────────────────────────────────────────────────────────────

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

// ─── Saved peer groups and TrACSS rounds ─────────────────────────────────────────────────────────

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

/**
 * Crosswalk between the questions of two TrACSS rounds: which question of one round asks about the
 * same capacity as which of another, and how far their answers can be compared (COMPARABILITIES):
 * `comparable` (same question, same level wording), `caution` (same question, reworded levels — the
 * note names what changed) or `not_comparable` (redefined: listed with its reason, never charted).
 * A question without a counterpart in the other round has a row without `to_indicator_id`, always
 * not comparable, whose note says why. `to_framework_code` is the other round, so such a row still
 * knows which pair of rounds it belongs to. Reviewed data: server/db/reference-data/tracss/.
 */
export const questionCrosswalk = pgTable(
  'question_crosswalk',
  {
    id: serial('id').primaryKey(),
    fromIndicatorId: integer('from_indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    toIndicatorId: integer('to_indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    toFrameworkCode: varchar('to_framework_code', { length: 64 })
      .notNull()
      .references(() => frameworks.code, { onDelete: 'cascade' }),
    comparability: varchar('comparability', { length: 16 }).notNull(),
    note: varchar('note', { length: 1000 }),
  },
  (t) => [
    uniqueIndex('question_crosswalk_pair_uq').on(t.fromIndicatorId, t.toIndicatorId),
    uniqueIndex('question_crosswalk_unpaired_uq')
      .on(t.fromIndicatorId, t.toFrameworkCode)
      .where(sql`${t.toIndicatorId} is null`),
    index('question_crosswalk_to_ix').on(t.toIndicatorId),
    index('question_crosswalk_to_framework_ix').on(t.toFrameworkCode),
    check('question_crosswalk_distinct_ck', sql`${t.fromIndicatorId} <> ${t.toIndicatorId}`),
    check(
      'question_crosswalk_comparability_ck',
      sql`${t.comparability} in ('comparable','caution','not_comparable')`,
    ),
    check(
      'question_crosswalk_unpaired_ck',
      sql`${t.toIndicatorId} is not null or ${t.comparability} = 'not_comparable'`,
    ),
  ],
);

/** How the importer reads one round's spreadsheet (header row, country column, column → question). */
export const importMappings = pgTable('import_mappings', {
  frameworkCode: varchar('framework_code', { length: 64 })
    .primaryKey()
    .references(() => frameworks.code, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ─── National action plans ───────────────────────────────────────────────────────────────────────

/** Money as published (two decimals), read as a JS number: budgets stay far below 2^53 cents. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** A country's NAP. Several generations follow each other (Jordan: 2018–2022, then 2023–2025). */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    title: varchar('title', { length: 300 }).notNull(),
    periodStart: smallint('period_start').notNull(),
    periodEnd: smallint('period_end').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    /** 1 for a country's first NAP, 2 for the next … */
    generation: smallint('generation').notNull().default(1),
    sourceNote: varchar('source_note', { length: 2000 }),
    /** The row is demo data that fills a gap in what was published; the UI says "Illustrative". */
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_country_generation_uq').on(t.countryIso3, t.generation),
    check('plans_status_ck', sql`${t.status} in ('draft','approved','implementing','closed')`),
    check(
      'plans_period_ck',
      sql`${t.periodStart} between 1990 and 2100 and ${t.periodEnd} between ${t.periodStart} and 2100`,
    ),
    check('plans_generation_ck', sql`${t.generation} between 1 and 99`),
  ],
);

/** A strategic objective of a plan, mapped to a GAP objective (1–5) when it matches one. */
export const planObjectives = pgTable(
  'plan_objectives',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 16 }).notNull(),
    title: varchar('title', { length: 500 }).notNull(),
    gapObjective: smallint('gap_objective'),
    budget: money('budget'),
    currency: char('currency', { length: 3 }),
    sortOrder: integer('sort_order').notNull().default(0),
    illustrative: boolean('illustrative').notNull().default(false),
    /**
     * The implementation rate a published evaluation reported for this objective, quoted with its
     * citation: published data, written by the reference-data loader only (no API writes it). The
     * note says what the source says instead of a number ("not implemented …").
     */
    publishedRate: numeric('published_rate', { precision: 5, scale: 1, mode: 'number' }),
    publishedRateNote: text('published_rate_note'),
    publishedRateSource: text('published_rate_source'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('plan_objectives_code_uq').on(t.planId, t.code),
    check('plan_objectives_gap_ck', sql`${t.gapObjective} between 1 and 5`),
    check(
      'plan_objectives_budget_ck',
      sql`${t.budget} is null or (${t.budget} >= 0 and ${t.currency} is not null)`,
    ),
    check('plan_objectives_published_rate_ck', sql`${t.publishedRate} between 0 and 100`),
    check(
      'plan_objectives_published_source_ck',
      sql`(${t.publishedRate} is null and ${t.publishedRateNote} is null) or ${t.publishedRateSource} is not null`,
    ),
  ],
);

/** An objective's budget for one year of its plan, numbered as the plan's costing numbers them (Year 1 …). */
export const planObjectiveBudgets = pgTable(
  'plan_objective_budgets',
  {
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => planObjectives.id, { onDelete: 'cascade' }),
    /** 1 = the plan's first year of costing; not mapped to a calendar year when the plan does not say. */
    planYear: smallint('plan_year').notNull(),
    amount: money('amount').notNull(),
    /** Where the figure comes from (e.g. the plan's costing chapter and page). */
    source: varchar('source', { length: 500 }),
  },
  (t) => [
    primaryKey({ columns: [t.objectiveId, t.planYear] }),
    check('plan_objective_budgets_year_ck', sql`${t.planYear} between 1 and 50`),
    check('plan_objective_budgets_amount_ck', sql`${t.amount} >= 0`),
  ],
);

/**
 * A strategic intervention of an objective. Plans with a level of strategic (sub-)objectives between
 * their objectives and interventions (Jordan's 1.1, 1.2 …) keep it on the intervention.
 */
export const planInterventions = pgTable(
  'plan_interventions',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => planObjectives.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 32 }).notNull(),
    title: varchar('title', { length: 1000 }).notNull(),
    strategicObjectiveCode: varchar('strategic_objective_code', { length: 32 }),
    strategicObjectiveTitle: varchar('strategic_objective_title', { length: 1000 }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('plan_interventions_code_uq').on(t.objectiveId, t.code),
    check(
      'plan_interventions_strategic_ck',
      sql`(${t.strategicObjectiveCode} is null) = (${t.strategicObjectiveTitle} is null)`,
    ),
  ],
);

export const planActivities = pgTable(
  'plan_activities',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => planObjectives.id, { onDelete: 'cascade' }),
    interventionId: integer('intervention_id').references(() => planInterventions.id, {
      onDelete: 'set null',
    }),
    code: varchar('code', { length: 32 }).notNull(),
    title: varchar('title', { length: 500 }).notNull(),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    /** The responsible entity, as the plan names it. */
    leadAgency: varchar('lead_agency', { length: 300 }),
    /** When, as the plan writes it: "Q2/2018", "Ongoing", "4 national campaigns per year (2018-2022)". */
    timeline: varchar('timeline', { length: 300 }),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    budget: money('budget'),
    currency: char('currency', { length: 3 }),
    fundingStatus: varchar('funding_status', { length: 8 }),
    implementationStatus: varchar('implementation_status', { length: 16 }).notNull().default('not_started'),
    percentComplete: smallint('percent_complete'),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_activities_code_uq').on(t.objectiveId, t.code),
    index('plan_activities_intervention_ix').on(t.interventionId),
    check('plan_activities_funding_ck', sql`${t.fundingStatus} in ('funded','partly','unfunded')`),
    check(
      'plan_activities_status_ck',
      sql`${t.implementationStatus} in ('not_started','ongoing','completed','cancelled','not_reported')`,
    ),
    check('plan_activities_percent_ck', sql`${t.percentComplete} between 0 and 100`),
    check('plan_activities_dates_ck', sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check(
      'plan_activities_budget_ck',
      sql`${t.budget} is null or (${t.budget} >= 0 and ${t.currency} is not null)`,
    ),
  ],
);

/**
 * An indicator the plan tracks. Always a row of `indicators`: a framework's (e.g. a TrACSS question)
 * or a national definition, kept as an indicator of the country's own framework `national-<iso3>`
 * (kind national), so that values, measure types and validation work the same for both.
 */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    objectiveId: integer('objective_id').references(() => planObjectives.id, { onDelete: 'set null' }),
    /** The planning element the indicator measures, when it is an intervention or an activity. */
    interventionId: integer('intervention_id').references(() => planInterventions.id, {
      onDelete: 'set null',
    }),
    activityId: integer('activity_id').references(() => planActivities.id, { onDelete: 'set null' }),
    /** The planning element as the plan's M&E plan words it (objective, intervention or activity). */
    planningElementKind: varchar('planning_element_kind', { length: 16 }),
    planningElement: text('planning_element'),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    baselineValue: doublePrecision('baseline_value'),
    baselineLevel: char('baseline_level', { length: 1 }),
    baselineYear: smallint('baseline_year'),
    baselineSource: varchar('baseline_source', { length: 500 }),
    direction: varchar('direction', { length: 16 }).notNull(),
    resultLevel: varchar('result_level', { length: 16 }),
    /** The M&E plan's "type and purpose" as written (result level holds it when it names one). */
    typeText: text('type_text'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The target as the plan writes it when it is not a number for a year, kept word for word. */
    targetText: text('target_text'),
    illustrative: boolean('illustrative').notNull().default(false),
    /** Validation rules (shared/domain/validation-rules.ts): below min or above max blocks submitting. */
    ruleMin: doublePrecision('rule_min'),
    ruleMax: doublePrecision('rule_max'),
    /** A change of more than ±this % against the plan's previous period warns (needs a comment). */
    ruleJumpPercent: doublePrecision('rule_jump_percent'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('plan_indicators_uq').on(t.planId, t.indicatorId),
    check(
      'plan_indicators_rule_range_ck',
      sql`${t.ruleMin} is null or ${t.ruleMax} is null or ${t.ruleMin} <= ${t.ruleMax}`,
    ),
    check('plan_indicators_rule_jump_ck', sql`${t.ruleJumpPercent} > 0`),
    check(
      'plan_indicators_element_ck',
      sql`${t.planningElementKind} in ('objective','intervention','activity') and ${t.planningElement} is not null or ${t.planningElementKind} is null`,
    ),
    check('plan_indicators_direction_ck', sql`${t.direction} in ('increase','decrease','maintain')`),
    check(
      'plan_indicators_result_level_ck',
      sql`${t.resultLevel} in ('input','process','output','outcome','impact')`,
    ),
    check('plan_indicators_level_ck', sql`${t.baselineLevel} in ('A','B','C','D','E')`),
    check(
      'plan_indicators_baseline_ck',
      sql`(${t.baselineValue} is null or ${t.baselineLevel} is null) and ((${t.baselineValue} is null and ${t.baselineLevel} is null) or ${t.baselineYear} is not null)`,
    ),
    check('plan_indicators_year_ck', sql`${t.baselineYear} between 1990 and 2100`),
  ],
);

/** A plan indicator's target for one year: a number, or a level for A–E indicators. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: serial('id').primaryKey(),
    planIndicatorId: integer('plan_indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    value: doublePrecision('value'),
    level: char('level', { length: 1 }),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [
    uniqueIndex('plan_targets_year_uq').on(t.planIndicatorId, t.year),
    check('plan_targets_one_ck', sql`(${t.value} is null) <> (${t.level} is null)`),
    check('plan_targets_level_ck', sql`${t.level} in ('A','B','C','D','E')`),
    check('plan_targets_year_ck', sql`${t.year} between 1990 and 2100`),
  ],
);

// ─── Reporting periods, workflow, audit and notifications ───────────────────────────────────────

/** A plan's reporting period (a year, or a quarter of one) with the date its data is due. */
export const planPeriods = pgTable(
  'plan_periods',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** 2024, or 2024-Q1. */
    code: varchar('code', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The embedded database's period for trying the workflow: its values are demo data. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_periods_code_uq').on(t.planId, t.code),
    check('plan_periods_kind_ck', sql`${t.kind} in ('year','quarter')`),
    check('plan_periods_dates_ck', sql`${t.endDate} >= ${t.startDate} and ${t.dueDate} >= ${t.startDate}`),
  ],
);

/** The workflow state of one (country, plan, period): draft → submitted → approved | returned … */
export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id, { onDelete: 'cascade' }),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    state: varchar('state', { length: 16 }).notNull().default('draft'),
    /** The reason of the last return or reopening. */
    reason: varchar('reason', { length: 1000 }),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    returnedBy: integer('returned_by').references(() => users.id, { onDelete: 'set null' }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    reopenedBy: integer('reopened_by').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_key_uq').on(t.planPeriodId, t.countryIso3),
    index('submissions_country_ix').on(t.countryIso3),
    check('submissions_state_ck', sql`${t.state} in ('draft','submitted','approved','returned')`),
  ],
);

/**
 * Comments on a value, newest last (the grid shows the latest of each kind): `entry`, the focal point's
 * comment typed with the value; `validator`, a validator's comment on the submitted value.
 */
export const valueComments = pgTable(
  'value_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    valueId: bigint('value_id', { mode: 'number' })
      .notNull()
      .references(() => indicatorValues.id, { onDelete: 'cascade' }),
    body: varchar('body', { length: 2000 }).notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull().default('entry'),
  },
  (t) => [
    index('value_comments_value_ix').on(t.valueId),
    check('value_comments_kind_ck', sql`${t.kind} in ('entry','validator')`),
  ],
);

/** Evidence behind a value: a link (a report, a decree, a dataset) and its title. */
export const valueEvidence = pgTable(
  'value_evidence',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    valueId: bigint('value_id', { mode: 'number' })
      .notNull()
      .references(() => indicatorValues.id, { onDelete: 'cascade' }),
    url: varchar('url', { length: 2000 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('value_evidence_value_ix').on(t.valueId)],
);

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

/**
 * In-app notices for focal points: their submission was returned, approved or reopened. `code` and
 * `params` say what happened, worded in the reader's language (shared/i18n/notices.ts); `message` is
 * the English copy (the only text of notices sent before codes, which have no code).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    message: varchar('message', { length: 1200 }).notNull(),
    code: varchar('code', { length: 32 }),
    params: jsonb('params').$type<NoticeParams>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_ix').on(t.userId, t.id),
    check('notifications_kind_ck', sql`${t.kind} in ('returned','approved','reopened')`),
  ],
);

/**
 * One row per user and day of the daily e-mail digest. A process claims the row (insert … on
 * conflict do nothing) before sending, so several processes against one database send each digest
 * once; a failed send keeps its error and releases the claim for a later attempt, up to a bound.
 */
export const mailDigests = pgTable(
  'mail_digests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The UTC day the digest is for. */
    day: date('day', { mode: 'string' }).notNull(),
    /**
     * When the current attempt took the row; null: released after a failure (free to retry). Kept
     * once sent: the next digest reports what happened after it.
     */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Sent (or nothing to say that day: items = 0). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    items: integer('items'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
  },
  (t) => [uniqueIndex('mail_digests_user_day_uq').on(t.userId, t.day)],
);

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

/**
 * Precomputed peer statistics (DHIS2's analytics tables;
 * docs/decisions/precomputed-comparison-statistics.md): per period, built-in group
 * (all, WHO region, income group, UN region) and A–E indicator, the level counts and the type 7
 * quartiles of the scores (A = 1 … E = 5) that shared/domain/peer-stats.ts computes. Kept exact
 * by statement triggers on indicator_values, in the same transaction as every write (migration
 * 0008); a group without answers has no row. Derived data: no foreign keys.
 */
export const compareAggregates = pgTable(
  'compare_aggregates',
  {
    periodId: integer('period_id').notNull(),
    groupType: varchar('group_type', { length: 16 }).notNull(),
    groupKey: text('group_key').notNull(),
    indicatorId: integer('indicator_id').notNull(),
    n: integer('n').notNull(),
    a: integer('a').notNull(),
    b: integer('b').notNull(),
    c: integer('c').notNull(),
    d: integer('d').notNull(),
    e: integer('e').notNull(),
    median: doublePrecision('median'),
    q1: doublePrecision('q1'),
    q3: doublePrecision('q3'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.groupType, t.groupKey, t.indicatorId] })],
);

/**
 * One row (id 1): a counter that every write to the data behind the comparison views bumps in its
 * own transaction (triggers, migration 0008). Responses are cached and tagged (ETag) by it, so
 * every process serving the same database agrees on what is current.
 */
export const analyticsVersion = pgTable('analytics_version', {
  id: smallint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/**
 * Where each value comes from and where it stands (a view, migration 0010): `published` for the
 * values of a published framework (a TrACSS round: imported, read-only); for a national value the
 * workflow state of the reporting period holding it (approved, submitted, returned, draft — draft
 * too when no period holds it), and whether that period is the embedded database's demo period.
 * Every read path decides visibility from it (server/modules/visibility).
 */
export const valueProvenance = pgView('value_provenance', {
  valueId: bigint('value_id', { mode: 'number' }).notNull(),
  workflow: varchar('workflow', { length: 16 }).notNull(),
  demo: boolean('demo').notNull(),
}).existing();

/**
 * A country's WHO region, World Bank income group and WHO membership over time, as the reference
 * lists we ship give them (migration 0011): each value with the dates it held for (from inclusive,
 * to exclusive; null: open) and where it comes from. `countries` keeps today's values.
 */
export const countryClassifications = pgTable(
  'country_classifications',
  {
    id: serial('id').primaryKey(),
    iso3: char('iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    attribute: varchar('attribute', { length: 16 }).notNull(),
    /** Null: not classified (e.g. a territory outside the World Bank's list). */
    value: varchar('value', { length: 8 }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    source: varchar('source', { length: 300 }).notNull(),
  },
  (t) => [
    uniqueIndex('country_classifications_uq').on(
      t.iso3,
      t.attribute,
      sql`coalesce(${t.validFrom}, '0001-01-01'::date)`,
    ),
    check(
      'country_classifications_attribute_ck',
      sql`${t.attribute} in ('who_region','income_group','who_member')`,
    ),
    check(
      'country_classifications_dates_ck',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`,
    ),
  ],
);

/**
 * How a published round classified the countries that answered it, from the round's own file (its
 * WHO region and income group columns): what a comparison of the round uses by default.
 */
export const roundClassifications = pgTable(
  'round_classifications',
  {
    frameworkCode: varchar('framework_code', { length: 64 })
      .notNull()
      .references(() => frameworks.code, { onDelete: 'cascade' }),
    iso3: char('iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    whoRegion: varchar('who_region', { length: 4 }),
    incomeGroup: varchar('income_group', { length: 3 }),
  },
  (t) => [primaryKey({ columns: [t.frameworkCode, t.iso3] })],
);

// ─── Country M&E system profiles ─────────────────────────────────────────────────────────────────

const quoted = (list: readonly string[]) => sql.raw(list.map((s) => `'${s}'`).join(','));

/**
 * One section of a country's M&E system profile (the eight steps of the Quadripartite's 2023 M&E
 * guidance, then `learning`), in three layers that never write into each other:
 * - published: transcribed from a public source and shipped as reference data; written only by its
 *   loader (server/db/reference/me-profiles.ts), at start and on an administrator's re-import;
 * - approved: the national content a validator approved (public);
 * - draft: what the country works on (draft → submitted → approved | returned), seen only by the
 *   country's roles, facilitators and administrators.
 * `version` is the section's, raised by every save and workflow step (never by the loader): a page
 * that read a stale section gets a 409.
 */
export const meProfileSections = pgTable(
  'me_profile_sections',
  {
    id: serial('id').primaryKey(),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    section: text('section').notNull(),
    publishedContent: jsonb('published_content').$type<MeSectionContent>(),
    /** The reference dataset the published content comes from, e.g. jordan-me-profile. */
    publishedDataset: text('published_dataset'),
    publishedLoadedAt: timestamp('published_loaded_at', { withTimezone: true }),
    approvedContent: jsonb('approved_content').$type<MeSectionContent>(),
    approvedBy: integer('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    draftContent: jsonb('draft_content').$type<MeSectionContent>(),
    draftState: text('draft_state'),
    /** Why a validator returned the draft (kept while it is fixed, cleared on the next submission). */
    draftReason: varchar('draft_reason', { length: 1000 }),
    draftUpdatedBy: integer('draft_updated_by').references(() => users.id, { onDelete: 'set null' }),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }),
    draftSubmittedBy: integer('draft_submitted_by').references(() => users.id, { onDelete: 'set null' }),
    draftSubmittedAt: timestamp('draft_submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('me_profile_sections_uq').on(t.countryIso3, t.section),
    check('me_profile_sections_section_ck', sql`${t.section} in (${quoted(ME_SECTIONS)})`),
    check('me_profile_sections_state_ck', sql`${t.draftState} in ('draft','submitted','returned')`),
    check(
      'me_profile_sections_draft_ck',
      sql`(${t.draftContent} is null) = (${t.draftState} is null) and (${t.draftContent} is null or ${t.draftUpdatedAt} is not null)`,
    ),
    check('me_profile_sections_approved_ck', sql`(${t.approvedContent} is null) = (${t.approvedAt} is null)`),
    check(
      'me_profile_sections_published_ck',
      sql`(${t.publishedContent} is null) = (${t.publishedDataset} is null) and (${t.publishedContent} is null) = (${t.publishedLoadedAt} is null)`,
    ),
    check('me_profile_sections_version_ck', sql`${t.version} >= 0`),
  ],
);

// ─── Briefing sessions (peer learning) ───────────────────────────────────────────────────────────

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
