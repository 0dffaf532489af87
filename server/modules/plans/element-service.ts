import { and, eq, ne } from 'drizzle-orm';
import type { CreateActivity, CreateObjective, Plan, UpdateActivity, UpdateObjective } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { planActivities, planInterventions, planObjectives } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { auditPlanChange } from './audit';
import { activityIn, editablePlan, objectiveIn, reloadPlan, stale } from './plan-read-service';
import {
  deleteActivityIfVersion,
  deleteObjectiveIfVersion,
  insertActivity,
  insertObjective,
  updateActivityIfVersion,
  updateObjectiveIfVersion,
} from './write-repository';

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

async function assertObjectiveCodeFree(db: DbOrTx, planId: number, code: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: planObjectives.id })
    .from(planObjectives)
    .where(
      and(
        eq(planObjectives.planId, planId),
        eq(planObjectives.code, code),
        exceptId ? ne(planObjectives.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new AppError(409, `code: the plan already has an objective ${code}`, {
      issue: 'already_exists',
      issueParams: { value: code },
    });
}

export async function createObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreateObjective,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    await assertObjectiveCodeFree(tx, planId, body.code);
    const row = await insertObjective(tx, { planId, ...defined(body), code: body.code, title: body.title });
    const id = row?.id as number;
    const created = await objectiveIn(tx, planId, id);
    await auditPlanChange(tx, ctx, p, plan, { type: 'plan_objective', id, action: 'create' }, null, created);
  });
  return reloadPlan(ctx, planId, p);
}

function checkBudget(merged: { budget: number | null; currency: string | null }) {
  if (merged.budget !== null && !merged.currency)
    throw new AppError(400, 'currency: is required with a budget', {
      issue: 'required_when',
      issueParams: { field: 'budget' },
    });
}

export async function updateObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  objectiveId: number,
  body: UpdateObjective,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await objectiveIn(tx, planId, objectiveId);
    if (!current) throw new AppError(404, `objective: no objective ${objectiveId} in plan ${planId}`);
    const { version, ...patch } = body;
    if (patch.code && patch.code !== current.code)
      await assertObjectiveCodeFree(tx, planId, patch.code, objectiveId);
    checkBudget({ ...current, ...defined(patch) } as { budget: number | null; currency: string | null });
    const row = await updateObjectiveIfVersion(tx, objectiveId, version, defined(patch));
    if (!row) throw stale('objective', version, current.version);
    const after = await objectiveIn(tx, planId, objectiveId);
    const entity = { type: 'plan_objective', id: objectiveId, action: 'update' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, current, after);
  });
  return reloadPlan(ctx, planId, p);
}

export async function deleteObjective(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  objectiveId: number,
  version: number,
) {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await objectiveIn(tx, planId, objectiveId);
    if (!current) throw new AppError(404, `objective: no objective ${objectiveId} in plan ${planId}`);
    // Never lose activities with their objective: they must be moved or deleted (each audited) first.
    // Its indicators stay with the plan, without an objective.
    const [activity] = await tx
      .select({ id: planActivities.id })
      .from(planActivities)
      .where(eq(planActivities.objectiveId, objectiveId))
      .limit(1);
    if (activity)
      throw new AppError(
        409,
        `objective: ${current.code} still has activities; move or delete them before deleting it`,
      );
    if (!(await deleteObjectiveIfVersion(tx, objectiveId, version)))
      throw stale('objective', version, current.version);
    const entity = { type: 'plan_objective', id: objectiveId, action: 'delete' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, current, null);
  });
  return reloadPlan(ctx, planId, p);
}

async function assertActivityCodeFree(db: DbOrTx, objectiveId: number, code: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: planActivities.id })
    .from(planActivities)
    .where(
      and(
        eq(planActivities.objectiveId, objectiveId),
        eq(planActivities.code, code),
        exceptId ? ne(planActivities.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new AppError(409, `code: the objective already has an activity ${code}`, {
      issue: 'already_exists',
      issueParams: { value: code },
    });
}

async function assertObjectiveOfPlan(db: DbOrTx, planId: number, objectiveId: number) {
  if (!(await objectiveIn(db, planId, objectiveId)))
    throw new AppError(400, `objectiveId: no objective ${objectiveId} in plan ${planId}`, {
      issue: 'unknown_reference',
    });
}

/** An activity's strategic intervention must be one of its own objective's. */
async function assertInterventionOfObjective(db: DbOrTx, objectiveId: number, interventionId: number | null) {
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

export async function createActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreateActivity,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
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
    const id = row?.id as number;
    const created = await activityIn(tx, planId, id);
    await auditPlanChange(tx, ctx, p, plan, { type: 'plan_activity', id, action: 'create' }, null, created);
  });
  return reloadPlan(ctx, planId, p);
}

type ActivityState = {
  implementationStatus: string;
  percentComplete: number | null;
  budget: number | null;
  currency: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
};

/** Rules over the activity as it will be (stored row + patch): the zod schema only sees the patch. */
function checkActivity(a: ActivityState) {
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

export async function updateActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  activityId: number,
  body: UpdateActivity,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await activityIn(tx, planId, activityId);
    if (!current) throw new AppError(404, `activity: no activity ${activityId} in plan ${planId}`);
    const { version, ...rest } = body;
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
    const row = await updateActivityIfVersion(tx, activityId, version, patch, ctx.now());
    if (!row) throw stale('activity', version, current.version);
    const after = await activityIn(tx, planId, activityId);
    const entity = { type: 'plan_activity', id: activityId, action: 'update' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, current, after);
  });
  return reloadPlan(ctx, planId, p);
}

export async function deleteActivity(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  activityId: number,
  version: number,
) {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await activityIn(tx, planId, activityId);
    if (!current) throw new AppError(404, `activity: no activity ${activityId} in plan ${planId}`);
    if (!(await deleteActivityIfVersion(tx, activityId, version)))
      throw stale('activity', version, current.version);
    const entity = { type: 'plan_activity', id: activityId, action: 'delete' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, current, null);
  });
  return reloadPlan(ctx, planId, p);
}
