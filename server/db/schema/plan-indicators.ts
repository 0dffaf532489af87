import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  doublePrecision,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { indicators } from './frameworks';
import { planActivities, planInterventions, planObjectives, plans } from './plans';

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
