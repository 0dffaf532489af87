import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  indicators,
  planActivities,
  planIndicators,
  planInterventions,
  planObjectives,
  plans,
} from '../../db/schema';

/*
 * Reads of one plan or plan element, as the writes check them: the element as it stands (and whether it is
 * the plan's), and the clashes a write must refuse (codes, generations, an indicator tracked twice).
 */

export async function objectiveIn(db: DbOrTx, planId: number, objectiveId: number) {
  const [row] = await db
    .select()
    .from(planObjectives)
    .where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)));
  return row;
}

export async function activityIn(db: DbOrTx, planId: number, activityId: number) {
  const [row] = await db
    .select({ activity: planActivities })
    .from(planActivities)
    .innerJoin(planObjectives, eq(planObjectives.id, planActivities.objectiveId))
    .where(and(eq(planActivities.id, activityId), eq(planObjectives.planId, planId)));
  return row?.activity;
}

export async function planIndicatorIn(db: DbOrTx, planId: number, planIndicatorId: number) {
  const [row] = await db
    .select()
    .from(planIndicators)
    .where(and(eq(planIndicators.id, planIndicatorId), eq(planIndicators.planId, planId)));
  return row;
}

/** A sibling with this code (an objective's in its plan, an activity's in its objective), other than `exceptId`. */
async function codeHolder(
  db: DbOrTx,
  table: typeof planObjectives | typeof planActivities,
  parent: { column: typeof planObjectives.planId | typeof planActivities.objectiveId; id: number },
  code: string,
  exceptId: number | undefined,
) {
  const [clash] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(eq(parent.column, parent.id), eq(table.code, code), exceptId ? ne(table.id, exceptId) : undefined),
    );
  return clash;
}

export const objectiveCodeHolder = (db: DbOrTx, planId: number, code: string, exceptId?: number) =>
  codeHolder(db, planObjectives, { column: planObjectives.planId, id: planId }, code, exceptId);

export const activityCodeHolder = (db: DbOrTx, objectiveId: number, code: string, exceptId?: number) =>
  codeHolder(db, planActivities, { column: planActivities.objectiveId, id: objectiveId }, code, exceptId);

/** The objective a strategic intervention belongs to (undefined: no such intervention). */
export async function objectiveOfIntervention(db: DbOrTx, interventionId: number) {
  const [row] = await db
    .select({ objectiveId: planInterventions.objectiveId })
    .from(planInterventions)
    .where(eq(planInterventions.id, interventionId));
  return row?.objectiveId;
}

/** Whether the objective has at least one activity. */
export async function objectiveHasActivities(db: DbOrTx, objectiveId: number): Promise<boolean> {
  const [activity] = await db
    .select({ id: planActivities.id })
    .from(planActivities)
    .where(eq(planActivities.objectiveId, objectiveId))
    .limit(1);
  return activity !== undefined;
}

/** The plan indicator through which the plan already tracks this indicator, if it does. */
export async function planIndicatorOf(db: DbOrTx, planId: number, indicatorId: number) {
  const [clash] = await db
    .select({ id: planIndicators.id })
    .from(planIndicators)
    .where(and(eq(planIndicators.planId, planId), eq(planIndicators.indicatorId, indicatorId)));
  return clash;
}

/** An indicator's framework and code, and what its values measure (undefined: no such indicator). */
export async function indicatorIdentity(db: DbOrTx, indicatorId: number) {
  const [row] = await db
    .select({
      framework: indicators.frameworkCode,
      code: indicators.code,
      measureType: indicators.measureType,
    })
    .from(indicators)
    .where(eq(indicators.id, indicatorId));
  return row;
}

/** The country's plan of that generation, if it has one. */
export async function planOfGeneration(db: DbOrTx, iso3: string, generation: number) {
  const [clash] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.countryIso3, iso3), eq(plans.generation, generation)));
  return clash;
}

/** The generation after the country's last plan (1 for its first). */
export async function nextGeneration(db: DbOrTx, iso3: string): Promise<number | undefined> {
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${plans.generation}), 0)::int + 1` })
    .from(plans)
    .where(eq(plans.countryIso3, iso3));
  return next?.n;
}
