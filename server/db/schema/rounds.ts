import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { countries } from './countries';
import { frameworks, indicators } from './frameworks';

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

/** How the importer reads one round's spreadsheet (header row, country column, column → question). */
export const importMappings = pgTable('import_mappings', {
  frameworkCode: varchar('framework_code', { length: 64 })
    .primaryKey()
    .references(() => frameworks.code, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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
