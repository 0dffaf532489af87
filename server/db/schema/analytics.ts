import {
  bigint,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  varchar,
} from 'drizzle-orm/pg-core';

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
