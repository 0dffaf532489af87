import type { Plan } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { AuditEntity } from '../audit/entity-repository';
import type { Principal } from '../auth/permissions';
import { auditPlanChange } from './audit';
import { editablePlan, reloadPlan, stale } from './plan-read-service';
import type { PlanRow } from './repository';

type Versioned = { version: number } & Record<string, unknown>;

/** A kind of plan element written one at a time: versioned (optimistic locking) and audited. */
export interface PlanElement<Row extends Versioned> {
  audit: AuditEntity;
  /** The request field a missing element is reported on ("planIndicator"). */
  field: string;
  /** Its name in messages ("plan indicator"). */
  name: string;
  /** The element of that plan, as the audit keeps it; none when it is not the plan's. */
  read: (db: DbOrTx, planId: number, id: number) => Promise<Row | null | undefined>;
}

/**
 * Adds an element: in one transaction the plan must be editable by the caller, `insert` checks its rules
 * and writes it (answering its id), and the audit records it as created. Answers the plan as it now stands.
 */
export async function createElement<Row extends Versioned>(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  element: PlanElement<Row>,
  insert: (tx: DbOrTx, plan: PlanRow) => Promise<number>,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const id = await insert(tx, plan);
    const created = await element.read(tx, planId, id);
    await auditPlanChange(tx, ctx, p, plan, { type: element.audit, id, action: 'create' }, null, created);
  });
  return reloadPlan(ctx, planId, p);
}

/**
 * Changes or deletes an element: in one transaction the plan must be editable by the caller, the element
 * must be the plan's (404), `write` checks the rules against the stored element and writes guarded by the
 * version the caller read (answering the written row, or nothing when no row had that version: 409), and the audit records the
 * element before and after. Answers the plan as it now stands.
 */
export async function changeElement<Row extends Versioned>(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  element: PlanElement<Row>,
  change: { id: number; version: number; action: 'update' | 'delete' | 'targets' },
  write: (tx: DbOrTx, current: Row, plan: PlanRow) => Promise<unknown>,
): Promise<Plan> {
  const { id, version, action } = change;
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await element.read(tx, planId, id);
    if (!current) throw new AppError(404, `${element.field}: no ${element.name} ${id} in plan ${planId}`);
    if (!(await write(tx, current, plan))) throw stale(element.name, version, current.version);
    const after = action === 'delete' ? null : await element.read(tx, planId, id);
    await auditPlanChange(tx, ctx, p, plan, { type: element.audit, id, action }, current, after);
  });
  return reloadPlan(ctx, planId, p);
}
