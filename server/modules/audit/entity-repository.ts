import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { channelOfRow, type WriteChannel } from './channel';

/** Entities whose every change is audited (old → new). */
export type AuditEntity =
  | 'value'
  | 'submission'
  | 'plan_period'
  | 'plan'
  | 'plan_objective'
  | 'plan_activity'
  | 'plan_indicator'
  /** An import of a published dataset (framework/period): its file and what it replaced. */
  | 'import'
  /** A section of a country's M&E profile, id `<ISO3>:<section>`: saves, workflow steps, published loads. */
  | 'me_profile_section'
  /** A facilitator's peer-learning session, and each pack made for it (its sha256). */
  | 'briefing_session'
  | 'briefing_pack';

export interface AuditRecord {
  entityType: AuditEntity;
  entityId: string | number;
  action: string;
  countryIso3?: string | null;
  /** The plan a plan or plan element change belongs to (indexed: a plan's history is read by it). */
  planId?: number | null;
  userId: number | null;
  at: Date;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  /** Where the change came from (see ./channel.ts); left out, the entry has none. */
  channel?: WriteChannel | null;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(db: DbOrTx, r: AuditRecord): Promise<void> {
  const { channel, ...rest } = r;
  await db.insert(auditLog).values({
    ...rest,
    entityId: String(r.entityId),
    countryIso3: r.countryIso3 ?? null,
    planId: r.planId ?? null,
    channel: channel?.channel ?? null,
    channelDetail: channel?.channelDetail ?? null,
  });
}

/** An audit entry with the entity it is about. */
export type AuditRow = AuditEntry & { entityType: AuditEntity; entityId: string };

/** Audit entries matching `where`, with their authors' names, newest first (at most `limit`). */
export async function selectAudit(db: DbOrTx, where: SQL | undefined, limit: number): Promise<AuditRow[]> {
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
    .limit(limit);
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

/** One entity's history, newest first (bounded). */
export async function listAudit(db: DbOrTx, entityType: AuditEntity, entityId: string | number, limit = 200) {
  const rows = await selectAudit(
    db,
    and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))),
    limit,
  );
  return rows.map(({ entityType: _t, entityId: _i, ...entry }): AuditEntry => entry);
}
