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
type Action = 'update' | 'delete' | 'targets';

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

/** One versioned, audited change of a plan or of one of its elements (see versionedAuditedWrite). */
export interface VersionedChange<Row extends Versioned, Written> {
  audit: { type: AuditEntity; id: number; action: Action };
  /** Its name in the 409 of a stale version ("plan indicator"). */
  name: string;
  /** The version the caller read. */
  version: number;
  /** The plan and the row as stored, once the caller may change them (404, 401/403 otherwise). */
  load: (tx: DbOrTx) => Promise<{ plan: PlanRow; current: Row }>;
  /** Checks the rules against the stored row and writes guarded by `version`: nothing back when stale. */
  write: (tx: DbOrTx, current: Row, plan: PlanRow) => Promise<Written | null | undefined>;
  /** The row after an update, as the audit keeps it (a delete keeps none). */
  after: (tx: DbOrTx, written: Written) => Promise<Row | null | undefined> | Row;
}

/**
 * The one shape of every change of a plan or plan element, in one transaction: load it (404, 401/403),
 * write guarded by the version the caller read (409 when no row had it), audit it before and after.
 * Answers the plan as it now stands, reloaded after the commit.
 */
export async function versionedAuditedWrite<Row extends Versioned, Written>(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  change: VersionedChange<Row, Written>,
): Promise<Plan> {
  const { audit, version } = change;
  await ctx.db.transaction(async (tx) => {
    const { plan, current } = await change.load(tx);
    const written = await change.write(tx, current, plan);
    if (!written) throw stale(change.name, version, current.version);
    const after = audit.action === 'delete' ? null : await change.after(tx, written);
    await auditPlanChange(tx, ctx, p, plan, audit, current, after);
  });
  return reloadPlan(ctx, planId, p);
}

/**
 * Changes or deletes an element through versionedAuditedWrite: the plan must be editable by the caller,
 * the element must be the plan's (404), and the audit keeps the element as read again after the write.
 */
export function changeElement<Row extends Versioned>(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  element: PlanElement<Row>,
  change: { id: number; version: number; action: Action },
  write: (tx: DbOrTx, current: Row, plan: PlanRow) => Promise<unknown>,
): Promise<Plan> {
  const { id, version, action } = change;
  return versionedAuditedWrite(ctx, p, planId, {
    audit: { type: element.audit, id, action },
    name: element.name,
    version,
    load: async (tx) => {
      const plan = await editablePlan(tx, p, planId);
      const current = await element.read(tx, planId, id);
      if (!current) throw new AppError(404, `${element.field}: no ${element.name} ${id} in plan ${planId}`);
      return { plan, current };
    },
    write,
    after: (tx) => element.read(tx, planId, id),
  });
}
