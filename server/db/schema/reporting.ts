import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
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
import { plans } from './plans';

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
