import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { countries } from './countries';

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
