import type { DbOrTx } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { channelOf } from '../audit/channel';
import { type AuditEntity, recordAudit } from '../audit/entity-repository';
import type { Principal } from '../auth/permissions';
import type { PlanRow } from './repository';

type Row = Record<string, unknown>;

/** A row as the audit keeps it: without timestamps (the audit row has its own), with the plan it belongs to. */
export function snapshot(row: Row | undefined | null, planId: number): Row | null {
  if (!row) return null;
  const { updatedAt: _u, createdAt: _c, ...rest } = row;
  return { ...rest, planId };
}

/**
 * Records one change of a plan or plan element, old → new, in the write's own transaction: a write
 * and its audit row land together or not at all.
 */
export async function auditPlanChange(
  tx: DbOrTx,
  ctx: ServiceContext,
  p: Principal | null,
  plan: Pick<PlanRow, 'id' | 'countryIso3'>,
  entity: { type: AuditEntity; id: number; action: 'create' | 'update' | 'delete' | 'targets' },
  old: Row | null | undefined,
  next: Row | null | undefined,
) {
  await recordAudit(tx, {
    entityType: entity.type,
    entityId: entity.id,
    action: entity.action,
    countryIso3: plan.countryIso3,
    planId: plan.id,
    userId: p?.userId ?? null,
    at: ctx.now(),
    channel: channelOf(p),
    old: snapshot(old, plan.id),
    new: snapshot(next, plan.id),
  });
}
