import { and, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { RoleAssignment } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { mapSelected, preparedText, type SelectedColumns, selectList } from '../../db/driver';
import { apiTokens, sessions, users } from '../../db/schema';

export interface NewSession {
  tokenHash: string;
  userId: number;
  createdAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: DbOrTx, s: NewSession): Promise<void> {
  await db.insert(sessions).values({ ...s, lastSeenAt: s.createdAt });
}

/** What a request's principal carries of its user, read with the session or the API token. */
const principalUserColumns = {
  active: users.active,
  email: users.email,
  displayName: users.displayName,
  demo: users.demo,
  locale: users.locale,
  emailReminders: users.emailReminders,
};

/** The user's roles as JSON, in the order they were given (the alias `u` is the users row). */
const ROLES_OF_USER = `(select json_agg(json_build_object('role', r.role, 'country', r.country_iso3, 'sectors', r.sectors)
      order by r.id) from role_assignments r where r.user_id = u.id) as roles`;

/** json_agg's answer: parsed by both drivers, but kept as text by a driver that leaves json alone. */
function rolesFrom(raw: unknown): RoleAssignment[] {
  const roles = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return (roles ?? []) as RoleAssignment[];
}

const SESSION_FIELDS = {
  userId: sessions.userId,
  lastSeenAt: sessions.lastSeenAt,
  idleExpiresAt: sessions.idleExpiresAt,
  expiresAt: sessions.expiresAt,
  ...principalUserColumns,
};

/**
 * A look-up by token hash of a row of `table` (a session or an API token) with its user's state and roles, in
 * one statement written once, as text: every signed-in request runs one, and drizzle's query builder cost
 * ~0.065 ms of Node's CPU a request building it again (CPU profile of the bench's value saves, 6 December),
 * more than Postgres spends running it. Named on postgres.js (db/driver.ts, preparedText).
 */
function byTokenHash<F extends SelectedColumns>(table: 'sessions' | 'api_tokens', fields: F) {
  const text = `select ${selectList(fields, { [table]: 't', users: 'u' })}, ${ROLES_OF_USER}
  from ${table} t join users u on u.id = t.user_id
  where t."token_hash" = $1`;
  return async (db: DbOrTx, tokenHash: string) => {
    const [raw] = await preparedText<Record<string, unknown>>(db, text, [tokenHash]);
    if (!raw) return undefined;
    return { ...mapSelected(fields, raw), roles: rolesFrom(raw.roles) };
  };
}

/**
 * The session, its user's state and roles (in the same statement: every signed-in request runs it), or
 * undefined. Expiry is checked by the caller (it owns the clock).
 */
export const findSession = byTokenHash('sessions', SESSION_FIELDS);

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date, idleExpiresAt: Date) {
  await db
    .update(sessions)
    .set({
      lastSeenAt: now,
      idleExpiresAt: sql`least(${idleExpiresAt.toISOString()}::timestamptz, ${sessions.expiresAt})`,
    })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a user out everywhere (but the session kept, when given): password change, reset, deactivation. */
export async function deleteSessionsOfUser(db: DbOrTx, userId: number, keep?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep ? ne(sessions.tokenHash, keep) : undefined));
}

/** A session is over at its absolute or idle deadline (the same rule as principalFromSession). */
const expiredAt = (now: Date) => or(lte(sessions.expiresAt, now), lte(sessions.idleExpiresAt, now));

/** Deletes every expired session (housekeeping); answers how many. Idempotent: safe in several processes. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(expiredAt(now)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** Deletes the expired sessions of one user (at their sign-in: cheap, by the user index). */
export async function deleteExpiredSessionsOfUser(db: DbOrTx, userId: number, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), expiredAt(now)));
}

const TOKEN_FIELDS = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  scope: apiTokens.scope,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  ...principalUserColumns,
};

/** The API token, its user's state and roles (one statement), or undefined; revocation is the caller's check. */
export const findActiveToken = byTokenHash('api_tokens', TOKEN_FIELDS);

export async function markTokenUsed(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}
