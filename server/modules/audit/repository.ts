import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { authEvents } from '../../db/schema';

/** Auth events: sign-in success/failure/throttled, sign-out, password changes, users, roles, tokens. */
export type AuthEventName =
  | 'sign_in.success'
  | 'sign_in.failure'
  | 'sign_in.throttled'
  | 'sign_out'
  | 'password.change'
  | 'password.reset'
  | 'password.reset_link'
  | 'password.reset_by_link'
  | 'password.forgot'
  | 'password.forgot_throttled'
  | 'user.create'
  | 'user.update'
  | 'user.roles'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.reminders'
  | 'token.create'
  | 'token.revoke';

export interface AuthEvent {
  event: AuthEventName;
  at: Date;
  actorId?: number | null;
  subjectId?: number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAuthEvent(db: DbOrTx, e: AuthEvent): Promise<void> {
  await db.insert(authEvents).values({
    event: e.event,
    at: e.at,
    actorId: e.actorId ?? null,
    subjectId: e.subjectId ?? null,
    ip: e.ip?.slice(0, 64) ?? null,
    details: e.details ?? {},
  });
}

export function listAuthEvents(db: DbOrTx, filter: { subjectId?: number; event?: AuthEventName } = {}) {
  const where = [];
  if (filter.subjectId !== undefined) where.push(eq(authEvents.subjectId, filter.subjectId));
  if (filter.event) where.push(eq(authEvents.event, filter.event));
  return db
    .select({
      event: authEvents.event,
      at: authEvents.at,
      actorId: authEvents.actorId,
      subjectId: authEvents.subjectId,
      ip: authEvents.ip,
      details: authEvents.details,
    })
    .from(authEvents)
    .where(and(...where))
    .orderBy(desc(authEvents.id))
    .limit(500);
}
