import type { DbOrTx } from '../../db/client';
import { channelOf } from '../audit/channel';
import { type AuditRecord, recordAudit } from '../audit/entity-repository';
import type { Principal } from '../auth/permissions';

/**
 * Records a facilitator's write to a briefing session or pack, in the write's transaction: who made
 * it, when and through which channel, with the entity before and after.
 */
export function auditBriefing(
  tx: DbOrTx,
  who: Principal,
  at: Date,
  entry: Pick<AuditRecord, 'entityType' | 'entityId' | 'action' | 'old' | 'new'>,
): Promise<void> {
  return recordAudit(tx, { ...entry, userId: who.userId, at, channel: channelOf(who) });
}
