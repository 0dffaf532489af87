import type { CreateActivity, CreateObjective, Plan, UpdateActivity, UpdateObjective } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { activityIn, objectiveHasActivities, objectiveIn } from './element-repository';
import {
  type ActivityState,
  assertActivityCodeFree,
  assertInterventionOfObjective,
  assertObjectiveCodeFree,
  assertObjectiveOfPlan,
  checkActivity,
  checkBudget,
  defined,
} from './element-rules';
import { changeElement, createElement, type PlanElement } from './element-write';
import {
  deleteActivityIfVersion,
  deleteObjectiveIfVersion,
  insertActivity,
  insertObjective,
  updateActivityIfVersion,
  updateObjectiveIfVersion,
} from './write-repository';

const OBJECTIVE: PlanElement<NonNullable<Awaited<ReturnType<typeof objectiveIn>>>> = {
  audit: 'plan_objective',
  field: 'objective',
  name: 'objective',
  read: objectiveIn,
};
const ACTIVITY: PlanElement<NonNullable<Awaited<ReturnType<typeof activityIn>>>> = {
  audit: 'plan_activity',
  field: 'activity',
  name: 'activity',
  read: activityIn,
};

export function createObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreateObjective,
): Promise<Plan> {
  return createElement(ctx, p, planId, OBJECTIVE, async (tx) => {
    await assertObjectiveCodeFree(tx, planId, body.code);
    const row = await insertObjective(tx, { planId, ...defined(body), code: body.code, title: body.title });
    return row?.id as number;
  });
}

export function updateObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  objectiveId: number,
  body: UpdateObjective,
): Promise<Plan> {
  const { version, ...patch } = body;
  const change = { id: objectiveId, version, action: 'update' } as const;
  return changeElement(ctx, p, planId, OBJECTIVE, change, async (tx, current) => {
    if (patch.code && patch.code !== current.code)
      await assertObjectiveCodeFree(tx, planId, patch.code, objectiveId);
    checkBudget({ ...current, ...defined(patch) } as { budget: number | null; currency: string | null });
    return updateObjectiveIfVersion(tx, objectiveId, version, defined(patch));
  });
}

export function deleteObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  objectiveId: number,
  version: number,
) {
  const change = { id: objectiveId, version, action: 'delete' } as const;
  return changeElement(ctx, p, planId, OBJECTIVE, change, async (tx, current) => {
    // Never lose activities with their objective: they must be moved or deleted (each audited) first.
    // Its indicators stay with the plan, without an objective.
    if (await objectiveHasActivities(tx, objectiveId))
      throw new AppError(
        409,
        `objective: ${current.code} still has activities; move or delete them before deleting it`,
      );
    return deleteObjectiveIfVersion(tx, objectiveId, version);
  });
}

export function createActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreateActivity,
): Promise<Plan> {
  return createElement(ctx, p, planId, ACTIVITY, async (tx) => {
    await assertObjectiveOfPlan(tx, planId, body.objectiveId);
    await assertInterventionOfObjective(tx, body.objectiveId, body.interventionId ?? null);
    await assertActivityCodeFree(tx, body.objectiveId, body.code);
    const status = body.implementationStatus ?? 'not_started';
    const percent =
      body.percentComplete ?? (status === 'completed' ? 100 : status === 'not_started' ? 0 : null);
    const row = await insertActivity(tx, {
      ...defined(body),
      objectiveId: body.objectiveId,
      code: body.code,
      title: body.title,
      implementationStatus: status,
      percentComplete: percent,
      updatedAt: ctx.now(),
    });
    return row?.id as number;
  });
}

export function updateActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  activityId: number,
  body: UpdateActivity,
): Promise<Plan> {
  const { version, ...rest } = body;
  const change = { id: activityId, version, action: 'update' } as const;
  return changeElement(ctx, p, planId, ACTIVITY, change, async (tx, current) => {
    const patch = defined(rest);
    if (patch.objectiveId !== undefined) await assertObjectiveOfPlan(tx, planId, patch.objectiveId);
    const objectiveId = patch.objectiveId ?? current.objectiveId;
    if (patch.code !== undefined || patch.objectiveId !== undefined)
      await assertActivityCodeFree(tx, objectiveId, patch.code ?? current.code, activityId);
    // Moved to another objective, the activity leaves its intervention unless it names one there.
    if (
      patch.objectiveId !== undefined &&
      patch.objectiveId !== current.objectiveId &&
      !('interventionId' in patch)
    )
      patch.interventionId = null;
    const interventionId =
      'interventionId' in patch ? (patch.interventionId ?? null) : current.interventionId;
    await assertInterventionOfObjective(tx, objectiveId, interventionId);
    // A status change without a % complete sets the one the status implies.
    if (patch.implementationStatus && patch.percentComplete === undefined) {
      if (patch.implementationStatus === 'completed') patch.percentComplete = 100;
      if (patch.implementationStatus === 'not_started') patch.percentComplete = 0;
      if (patch.implementationStatus === 'not_reported') patch.percentComplete = null;
    }
    checkActivity({ ...current, ...patch } as ActivityState);
    return updateActivityIfVersion(tx, activityId, version, patch, ctx.now());
  });
}

export function deleteActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  activityId: number,
  version: number,
) {
  const change = { id: activityId, version, action: 'delete' } as const;
  return changeElement(ctx, p, planId, ACTIVITY, change, (tx) =>
    deleteActivityIfVersion(tx, activityId, version),
  );
}
