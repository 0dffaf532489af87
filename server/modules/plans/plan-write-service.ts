import {
  type CreatePlan,
  changesApproval,
  type HistoryEntry,
  type Plan,
  type PlanStatus,
  type UpdatePlan,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { auditOfPlan } from '../audit/history-repository';
import type { Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { assertCanApprovePlan, assertCanEditPlan, planVisibility } from './access';
import { auditPlanChange } from './audit';
import { nextGeneration, planOfGeneration } from './element-repository';
import { versionedAuditedWrite } from './element-write';
import { reloadPlan } from './plan-read-service';
import { findPlanRows } from './repository';
import { insertPlan, updatePlanIfVersion } from './write-repository';

async function assertGenerationFree(db: DbOrTx, iso3: string, generation: number, exceptId?: number) {
  const clash = await planOfGeneration(db, iso3, generation);
  if (clash && clash.id !== exceptId)
    throw new AppError(409, `generation: ${iso3} already has a plan of generation ${generation}`, {
      issue: 'already_exists',
      issueParams: { value: generation },
    });
}

/** A new plan of a country (draft unless said otherwise), its generation the next free one by default. */
export async function createPlan(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
  body: CreatePlan,
): Promise<Plan> {
  if (!(await findCountry(ctx.db, iso3)))
    throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  assertCanEditPlan(p, iso3);
  if (changesApproval(null, body.status)) assertCanApprovePlan(p, iso3);
  const id = await ctx.db.transaction(async (tx) => {
    const generation = body.generation ?? (await nextGeneration(tx, iso3)) ?? 1;
    await assertGenerationFree(tx, iso3, generation);
    const created = await insertPlan(tx, {
      countryIso3: iso3,
      title: body.title,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      status: body.status ?? 'draft',
      generation,
      sourceNote: body.sourceNote ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await auditPlanChange(
      tx,
      ctx,
      p,
      created,
      { type: 'plan', id: created.id, action: 'create' },
      null,
      created,
    );
    return created.id;
  });
  return reloadPlan(ctx, id, p);
}

/**
 * The plan, after checking the caller may make this change: an approval act (see changesApproval)
 * needs a validator of the country or an admin; anything else needs the plan's editors. A validator
 * may change the status alone.
 */
async function approvablePlan(db: DbOrTx, p: Principal | null, planId: number, patch: Partial<UpdatePlan>) {
  const [row] = await findPlanRows(db, { id: planId });
  if (!row) throw new AppError(404, `plan: no plan ${planId}`);
  const approval = changesApproval(row.status as PlanStatus, patch.status);
  if (approval) assertCanApprovePlan(p, row.countryIso3);
  const statusOnly = Object.keys(patch).every((k) => k === 'status');
  if (!approval || !statusOnly) assertCanEditPlan(p, row.countryIso3);
  return row;
}

/** Changes a plan's title, years, status, generation or source note (with the version read). */
export async function updatePlan(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: UpdatePlan,
): Promise<Plan> {
  const { version, ...rest } = body;
  const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return versionedAuditedWrite(ctx, p, planId, {
    audit: { type: 'plan', id: planId, action: 'update' },
    name: 'plan',
    version,
    load: async (tx) => {
      const current = await approvablePlan(tx, p, planId, patch);
      return { plan: current, current };
    },
    write: async (tx, current) => {
      const start = body.periodStart ?? current.periodStart;
      const end = body.periodEnd ?? current.periodEnd;
      if (end < start)
        throw new AppError(400, `periodEnd: must not be before periodStart (${start})`, {
          issue: 'not_before',
          issueParams: { other: 'periodStart' },
        });
      if (body.generation !== undefined && body.generation !== current.generation)
        await assertGenerationFree(tx, current.countryIso3, body.generation, planId);
      return updatePlanIfVersion(tx, planId, version, { ...patch, updatedAt: ctx.now() });
    },
    // The row as written is the plan after the change.
    after: (_tx, written) => written,
  });
}

const LABELS: Record<string, string> = {
  plan: 'Plan',
  plan_objective: 'Objective',
  plan_activity: 'Activity',
  plan_indicator: 'Indicator',
};

/** Who changed what in a plan and its elements, old → new, newest first. Readable by the plan's readers. */
export async function planHistory(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  only: { entityType?: HistoryEntry['entityType'] | undefined; entityId?: number | undefined },
): Promise<{ items: HistoryEntry[] }> {
  const [plan] = await findPlanRows(ctx.db, { id: planId });
  // A plan the caller may not see is answered like one that does not exist (as GET /api/plans/{id}).
  if (!plan || (planVisibility(ctx.policy, p, plan.countryIso3) === 'approved' && plan.status === 'draft'))
    throw new AppError(404, `plan: no plan ${planId}`);
  const filter = only.entityType
    ? { type: only.entityType as 'plan', ...(only.entityId ? { id: only.entityId } : {}) }
    : undefined;
  const rows = await auditOfPlan(ctx.db, plan, filter);
  return {
    items: rows.map((r) => {
      const snap = (r.new ?? r.old ?? {}) as { code?: string; title?: string; indicator?: string };
      const name = r.entityType === 'plan_indicator' ? snap.indicator : (snap.code ?? snap.title);
      return {
        ...r,
        entityType: r.entityType as HistoryEntry['entityType'],
        label: `${LABELS[r.entityType] ?? r.entityType}${name ? ` ${name}` : ''}`,
      };
    }),
  };
}
