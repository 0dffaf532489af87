import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from './permissions';
import { csrfTokenFor, sha256Hex } from './secrets';
import {
  deleteSession,
  findActiveToken,
  findSession,
  markTokenUsed,
  touchSession,
} from './session-repository';

/** Activity is written at most once a minute per session or token: a read should rarely write. */
const TOUCH_EVERY_MS = 60_000;

const invalid = (what: string) => new AppError(401, what);

/** The principal of a session cookie, or an error saying why it is not valid (expired, signed out …). */
export async function principalFromSession(ctx: ServiceContext, token: string): Promise<Principal> {
  const hash = sha256Hex(token);
  const s = await findSession(ctx.db, hash);
  if (!s) throw invalid('session: signed out or unknown; sign in again');
  const now = ctx.now();
  if (s.expiresAt <= now || s.idleExpiresAt <= now || !s.active) {
    await deleteSession(ctx.db, hash);
    throw invalid(s.active ? 'session: expired; sign in again' : 'session: the account is deactivated');
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(ctx.db, hash, now, new Date(now.getTime() + ctx.session.idleMs));
  }
  return {
    userId: s.userId,
    email: s.email,
    displayName: s.displayName,
    demo: s.demo,
    locale: s.locale,
    emailReminders: s.emailReminders,
    roles: s.roles,
    via: 'session',
    scope: 'write',
    csrfToken: csrfTokenFor(token),
    sessionHash: hash,
    sessionExpiresAt: s.expiresAt,
  };
}

export async function principalFromToken(ctx: ServiceContext, token: string): Promise<Principal> {
  const t = await findActiveToken(ctx.db, sha256Hex(token));
  if (!t || t.revokedAt || !t.active) throw invalid('token: unknown, revoked or of a deactivated account');
  const now = ctx.now();
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await markTokenUsed(ctx.db, t.id, now);
  }
  return {
    userId: t.userId,
    email: t.email,
    displayName: t.displayName,
    demo: t.demo,
    locale: t.locale,
    emailReminders: t.emailReminders,
    roles: t.roles,
    via: 'token',
    tokenName: t.name,
    scope: t.scope === 'write' ? 'write' : 'read',
    csrfToken: null,
    sessionHash: null,
  };
}
