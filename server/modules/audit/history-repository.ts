import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { type AuditEntity, type AuditRow, selectAudit } from './entity-repository';

const LIMIT = 500;

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
  return selectAudit(db, or(...parts), LIMIT);
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
  return selectAudit(
    db,
    and(
      eq(auditLog.planId, plan.id),
      inArray(auditLog.entityType, only ? [only.type] : ['plan', ...PLAN_ELEMENTS]),
      only?.id !== undefined ? eq(auditLog.entityId, String(only.id)) : undefined,
    ),
    LIMIT,
  );
}
