import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { countries } from './countries';
import { indicators, periods } from './frameworks';

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
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
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
