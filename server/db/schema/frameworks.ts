import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
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
import type { ChoiceOption, LevelWording } from '../../../shared';

/** An indicator's option as stored: the API's, plus the column a survey file gives it (the importer's). */
export type StoredChoiceOption = ChoiceOption & { sourceColumn?: string };

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
