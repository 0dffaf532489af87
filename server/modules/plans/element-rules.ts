import { and, eq, ne } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { planActivities, planInterventions, planObjectives } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { objectiveIn } from './plan-read-service';

// The rules of objectives and activities that the schemas cannot check alone: unique codes, references
// within the plan, budgets with a currency, % complete that agrees with the status, dates in order.

/** The patch without its absent keys (undefined means "leave as it is"; null clears). */
export const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A code is unique among its siblings (an objective's in its plan, an activity's in its objective): 409. */
async function assertCodeFree(
  db: DbOrTx,
  table: typeof planObjectives | typeof planActivities,
  parent: { column: AnyPgColumn; id: number; words: string },
  code: string,
  exceptId: number | undefined,
) {
  const [clash] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(eq(parent.column, parent.id), eq(table.code, code), exceptId ? ne(table.id, exceptId) : undefined),
    );
  if (clash)
    throw new AppError(409, `code: ${parent.words} ${code}`, {
      issue: 'already_exists',
      issueParams: { value: code },
    });
}

export const assertObjectiveCodeFree = (db: DbOrTx, planId: number, code: string, exceptId?: number) =>
  assertCodeFree(
    db,
    planObjectives,
    { column: planObjectives.planId, id: planId, words: 'the plan already has an objective' },
    code,
    exceptId,
  );

export const assertActivityCodeFree = (db: DbOrTx, objectiveId: number, code: string, exceptId?: number) =>
  assertCodeFree(
    db,
    planActivities,
    { column: planActivities.objectiveId, id: objectiveId, words: 'the objective already has an activity' },
    code,
    exceptId,
  );

export function checkBudget(merged: { budget: number | null; currency: string | null }) {
  if (merged.budget !== null && !merged.currency)
    throw new AppError(400, 'currency: is required with a budget', {
      issue: 'required_when',
      issueParams: { field: 'budget' },
    });
}

export async function assertObjectiveOfPlan(db: DbOrTx, planId: number, objectiveId: number) {
  if (!(await objectiveIn(db, planId, objectiveId)))
    throw new AppError(400, `objectiveId: no objective ${objectiveId} in plan ${planId}`, {
      issue: 'unknown_reference',
    });
}

/** An activity's strategic intervention must be one of its own objective's. */
export async function assertInterventionOfObjective(
  db: DbOrTx,
  objectiveId: number,
  interventionId: number | null,
) {
  if (interventionId === null) return;
  const [row] = await db
    .select({ objectiveId: planInterventions.objectiveId })
    .from(planInterventions)
    .where(eq(planInterventions.id, interventionId));
  if (!row || row.objectiveId !== objectiveId)
    throw new AppError(
      400,
      `interventionId: no intervention ${interventionId} under objective ${objectiveId}`,
    );
}

export type ActivityState = {
  implementationStatus: string;
  percentComplete: number | null;
  budget: number | null;
  currency: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
};

/** Rules over the activity as it will be (stored row + patch): the zod schema only sees the patch. */
export function checkActivity(a: ActivityState) {
  checkBudget(a);
  if (a.implementationStatus === 'completed' && a.percentComplete !== null && a.percentComplete !== 100)
    throw new AppError(400, 'percentComplete: must be 100 for a completed activity');
  if (a.implementationStatus === 'not_started' && a.percentComplete !== null && a.percentComplete !== 0)
    throw new AppError(400, 'percentComplete: must be 0 for an activity not started');
  if (a.implementationStatus === 'not_reported' && a.percentComplete !== null)
    throw new AppError(400, 'percentComplete: must be empty for an activity whose status is not reported');
  if (a.plannedStart && a.plannedEnd && a.plannedEnd < a.plannedStart)
    throw new AppError(400, 'plannedEnd: must not be before plannedStart', {
      issue: 'not_before',
      issueParams: { other: 'plannedStart' },
    });
}
