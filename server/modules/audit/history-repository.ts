import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { channelOfRow } from './channel';
import type { AuditEntity } from './entity-repository';

export type AuditRow = AuditEntry & { entityType: AuditEntity; entityId: string };

const LIMIT = 500;

async function select(db: DbOrTx, where: SQL | undefined): Promise<AuditRow[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.displayName,
      old: auditLog.old,
      new: auditLog.new,
      channel: auditLog.channel,
      channelDetail: auditLog.channelDetail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(LIMIT);
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entityType as AuditEntity,
    entityId: r.entityId,
    action: r.action,
    at: r.at.toISOString(),
    user: r.userId !== null && r.userName !== null ? { id: r.userId, name: r.userName } : null,
    old: r.old ?? null,
    new: r.new ?? null,
    channel: channelOfRow(r),
  }));
}

/** The history of several entities at once, newest first (bounded). */
export async function auditOfEntities(
  db: DbOrTx,
  entities: { type: AuditEntity; ids: (string | number)[] }[],
): Promise<AuditRow[]> {
  const parts = entities
    .filter((e) => e.ids.length > 0)
    .map((e) =>
      and(
        eq(auditLog.entityType, e.type),
        inArray(
          auditLog.entityId,
          e.ids.map((i) => String(i)),
        ),
      ),
    );
  if (parts.length === 0) return [];
  return select(db, or(...parts));
}

const PLAN_ELEMENTS: AuditEntity[] = ['plan_objective', 'plan_activity', 'plan_indicator'];

/**
 * A plan's history: the plan's own rows and its elements' (each audit row of a plan or plan element
 * carries the plan's id in the indexed plan_id column, so a deleted element's history stays findable).
 */
export async function auditOfPlan(
  db: DbOrTx,
  plan: { id: number; countryIso3: string },
  only?: { type: AuditEntity; id?: number },
): Promise<AuditRow[]> {
  return select(
    db,
    and(
      eq(auditLog.planId, plan.id),
      inArray(auditLog.entityType, only ? [only.type] : ['plan', ...PLAN_ELEMENTS]),
      only?.id !== undefined ? eq(auditLog.entityId, String(only.id)) : undefined,
    ),
  );
}
