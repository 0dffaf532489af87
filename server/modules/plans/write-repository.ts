import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  frameworks,
  indicators,
  planActivities,
  planIndicators,
  planObjectives,
  plans,
  planTargets,
} from '../../db/schema';

/*
 * Writes of plan elements. Updates and deletes take the version the writer read and touch the row
 * only if it still has it: undefined back means stale (or gone), and the service answers 409.
 */

export type NewObjective = typeof planObjectives.$inferInsert;
export type NewActivity = typeof planActivities.$inferInsert;
export type NewPlanIndicator = typeof planIndicators.$inferInsert;
export type NewTarget = typeof planTargets.$inferInsert;
export type NewPlan = typeof plans.$inferInsert;

/** Deletes a plan element's row if it still has `version` (every element table has an id and a version). */
async function deleteIfVersion(
  db: DbOrTx,
  t: typeof planObjectives | typeof planActivities | typeof planIndicators,
  id: number,
  version: number,
) {
  const [row] = await db
    .delete(t)
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning({ id: t.id });
  return row;
}

export async function insertPlan(db: DbOrTx, v: NewPlan) {
  const [row] = await db.insert(plans).values(v).returning();
  return row as NonNullable<typeof row>;
}

/** Changes the plan if it still has `version` (bumping it): the row as written, undefined when stale. */
export async function updatePlanIfVersion(db: DbOrTx, id: number, version: number, v: Partial<NewPlan>) {
  const [row] = await db
    .update(plans)
    .set({ ...v, version: version + 1 })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning();
  return row;
}

export async function insertObjective(db: DbOrTx, v: NewObjective) {
  const [row] = await db.insert(planObjectives).values(v).returning({ id: planObjectives.id });
  return row;
}

export async function updateObjectiveIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  v: Partial<NewObjective>,
) {
  const [row] = await db
    .update(planObjectives)
    .set({ ...v, version: version + 1 })
    .where(and(eq(planObjectives.id, id), eq(planObjectives.version, version)))
    .returning({ id: planObjectives.id });
  return row;
}

export function deleteObjectiveIfVersion(db: DbOrTx, id: number, version: number) {
  return deleteIfVersion(db, planObjectives, id, version);
}

export async function insertActivity(db: DbOrTx, v: NewActivity) {
  const [row] = await db.insert(planActivities).values(v).returning({ id: planActivities.id });
  return row;
}

export async function updateActivityIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  v: Partial<NewActivity>,
  now: Date,
) {
  const [row] = await db
    .update(planActivities)
    .set({ ...v, version: version + 1, updatedAt: now })
    .where(and(eq(planActivities.id, id), eq(planActivities.version, version)))
    .returning({ id: planActivities.id });
  return row;
}

export function deleteActivityIfVersion(db: DbOrTx, id: number, version: number) {
  return deleteIfVersion(db, planActivities, id, version);
}

export async function insertPlanIndicator(db: DbOrTx, v: NewPlanIndicator) {
  const [row] = await db.insert(planIndicators).values(v).returning({ id: planIndicators.id });
  return row;
}

export async function updatePlanIndicatorIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  v: Partial<NewPlanIndicator>,
) {
  const [row] = await db
    .update(planIndicators)
    .set({ ...v, version: version + 1 })
    .where(and(eq(planIndicators.id, id), eq(planIndicators.version, version)))
    .returning({ id: planIndicators.id });
  return row;
}

export function deletePlanIndicatorIfVersion(db: DbOrTx, id: number, version: number) {
  return deleteIfVersion(db, planIndicators, id, version);
}

export async function replaceTargets(
  db: DbOrTx,
  planIndicatorId: number,
  targets: Omit<NewTarget, 'planIndicatorId'>[],
) {
  await db.delete(planTargets).where(eq(planTargets.planIndicatorId, planIndicatorId));
  if (targets.length > 0)
    await db.insert(planTargets).values(targets.map((t) => ({ ...t, planIndicatorId })));
}

/** The country's own framework for nationally defined indicators, created on first use. */
export async function ensureNationalFramework(db: DbOrTx, iso3: string) {
  const code = `national-${iso3.toLowerCase()}`;
  await db
    .insert(frameworks)
    .values({
      code,
      name: `National indicators (${iso3})`,
      kind: 'national',
      description: `Indicators ${iso3} defined for its national action plan`,
    })
    .onConflictDoNothing();
  return code;
}

export async function insertNationalIndicator(db: DbOrTx, v: typeof indicators.$inferInsert) {
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${indicators.sortOrder}), 0)::int + 1` })
    .from(indicators)
    .where(eq(indicators.frameworkCode, v.frameworkCode));
  const [row] = await db
    .insert(indicators)
    .values({ ...v, sortOrder: next?.n ?? 1 })
    .onConflictDoNothing()
    .returning({ id: indicators.id });
  return row;
}

/**
 * The country's national indicator through which it reports on another framework's indicator (a
 * TrACSS question, or an indicator another country defined), created on first use: same wording,
 * measure type and levels, code `<framework>:<code>`, and a link to what it follows. A plan tracks
 * this one, so the country's reporting stays its own and never writes the published answers.
 */
export async function ensureFollowingIndicator(db: DbOrTx, iso3: string, sourceId: number): Promise<number> {
  const [source] = await db.select().from(indicators).where(eq(indicators.id, sourceId));
  if (!source) throw new Error(`indicator ${sourceId} does not exist`);
  const national = await ensureNationalFramework(db, iso3);
  if (source.frameworkCode === national) return source.id;
  const rootId = source.followsIndicatorId ?? source.id;
  const [existing] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.frameworkCode, national), eq(indicators.followsIndicatorId, rootId)));
  if (existing) return existing.id;
  const [root] =
    rootId === source.id ? [source] : await db.select().from(indicators).where(eq(indicators.id, rootId));
  if (!root) throw new Error(`indicator ${rootId} does not exist`);
  const {
    id: _id,
    frameworkCode,
    code,
    sortOrder: _s,
    sourceColumn: _c,
    followsIndicatorId: _f,
    ...copy
  } = root;
  const row = await insertNationalIndicator(db, {
    ...copy,
    frameworkCode: national,
    code: `${frameworkCode}:${code}`.slice(0, 32),
    sortOrder: 0,
    followsIndicatorId: root.id,
  });
  if (!row)
    throw new Error(`${national} already has an indicator ${frameworkCode}:${code} that follows another`);
  return row.id;
}
