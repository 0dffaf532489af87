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
