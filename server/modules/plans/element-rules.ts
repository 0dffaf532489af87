import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import {
  activityCodeHolder,
  objectiveCodeHolder,
  objectiveIn,
  objectiveOfIntervention,
} from './element-repository';

// The rules of objectives and activities that the schemas cannot check alone: unique codes, references
// within the plan, budgets with a currency, % complete that agrees with the status, dates in order.

/** The patch without its absent keys (undefined means "leave as it is"; null clears). */
export const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A code is unique among its siblings (an objective's in its plan, an activity's in its objective): 409. */
function assertCodeFree(clash: unknown, words: string, code: string) {
  if (clash)
    throw new AppError(409, `code: ${words} ${code}`, {
      issue: 'already_exists',
      issueParams: { value: code },
    });
}

export const assertObjectiveCodeFree = async (db: DbOrTx, planId: number, code: string, exceptId?: number) =>
  assertCodeFree(
    await objectiveCodeHolder(db, planId, code, exceptId),
    'the plan already has an objective',
    code,
  );

export const assertActivityCodeFree = async (
  db: DbOrTx,
  objectiveId: number,
  code: string,
  exceptId?: number,
) =>
  assertCodeFree(
    await activityCodeHolder(db, objectiveId, code, exceptId),
    'the objective already has an activity',
    code,
  );

export function checkBudget(merged: { budget: number | null; currency: string | null }) {
  if (merged.budget !== null && !merged.currency)
    throw new AppError(400, 'currency: is required with a budget', {
      issue: 'required_when',
      issueParams: { field: 'budget' },
    });
}

/** The objective an element names must be one of the plan's (none named: nothing to check). */
export async function assertObjectiveOfPlan(
  db: DbOrTx,
  planId: number,
  objectiveId: number | null | undefined,
) {
  if (objectiveId != null && !(await objectiveIn(db, planId, objectiveId)))
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
  if ((await objectiveOfIntervention(db, interventionId)) !== objectiveId)
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
