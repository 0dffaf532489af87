import { isLocale, type Me, type SignInBody } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { findUserByEmail, findUserById, rolesOf, updateUserRow } from '../users/repository';
import { dummyPasswordHash, hashPassword, needsRehash } from './password';
import { checkPasswordPolicy } from './password-policy';
import type { Principal } from './permissions';
import { csrfTokenFor, newSecret, sha256Hex } from './secrets';
import {
  deleteExpiredSessionsOfUser,
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
} from './session-repository';
import { accountKey, addressKey } from './throttle';
import { clearKey, lockedFor, refundAttempt, reserveAttempt } from './throttle-repository';

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** One answer for an unknown email, a wrong password and a deactivated account: no enumeration. */
const badCredentials = () =>
  new AppError(401, 'email or password: incorrect', {
    issues: [{ path: 'password', message: 'email or password: incorrect', code: 'incorrect' }],
  });

/** Takes an attempt from the address's and the account's allowance; false (nothing taken) when either is locked. */
async function reserveSignIn(ctx: ServiceContext, keys: { account: string; address: string }, now: Date) {
  if (!(await reserveAttempt(ctx.db, keys.address, ctx.throttle.address, now))) return false;
  if (await reserveAttempt(ctx.db, keys.account, ctx.throttle.account, now)) return true;
  await refundAttempt(ctx.db, keys.address, ctx.throttle.address);
  return false;
}

export async function signIn(ctx: ServiceContext, body: SignInBody, client: ClientInfo) {
  const now = ctx.now();
  const keys = { account: accountKey(body.email), address: addressKey(client.ip) };
  // The attempt is counted before argon2 runs (one atomic upsert per key), so a burst of parallel
  // attempts gets no more verifications than the policy allows, whichever process answers them.
  // A locked key answers 429 at once, without argon2. That leaks nothing: the account key is the
  // email as typed, locked the same way whether or not an account has it (unknown emails count
  // attempts too), so a locked unknown email and a locked real one get the same fast answer.
  // Running argon2 here would only hand an attacker 48 ms of server CPU per refused request.
  if (!(await reserveSignIn(ctx, keys, now))) {
    const wait = await lockedFor(ctx.db, [keys.account, keys.address], now);
    await recordAuthEvent(ctx.db, {
      event: 'sign_in.throttled',
      at: now,
      ip: client.ip,
      details: { email: body.email.slice(0, 254) },
    });
    // The lock may have ended between the refusal and the read: still at least 1 s.
    const retryAfter = Math.max(1, Math.ceil(wait / 1000));
    throw new AppError(429, `sign-in: too many failed attempts; try again in ${retryAfter} s`, {
      headers: { 'retry-after': String(retryAfter) },
      params: { retryAfter },
    });
  }
  const user = await findUserByEmail(ctx.db, body.email);
  // Always run argon2 once, whether or not the account exists, so both answers take as long.
  const ok = await ctx.verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
  if (!user || !ok || !user.active) {
    // The attempt stays counted on both keys (reserved above).
    await recordAuthEvent(ctx.db, {
      event: 'sign_in.failure',
      at: now,
      subjectId: user?.id ?? null,
      ip: client.ip,
      details: {
        email: body.email.slice(0, 254),
        reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive',
      },
    });
    throw badCredentials();
  }
  const token = newSecret();
  // Hashes made with older parameters are upgraded now that the password is known.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(body.password) : null;
  await ctx.db.transaction(async (tx) => {
    if (rehashed) await updateUserRow(tx, user.id, { passwordHash: rehashed }, now);
    // Opportunistic housekeeping: this user's ended sessions go (the periodic sweep does the rest).
    await deleteExpiredSessionsOfUser(tx, user.id, now);
    await insertSession(tx, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      idleExpiresAt: new Date(now.getTime() + Math.min(ctx.session.idleMs, ctx.session.absoluteMs)),
      expiresAt: new Date(now.getTime() + ctx.session.absoluteMs),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    // Success clears the account's count; the address keeps only its failures.
    await clearKey(tx, keys.account);
    await refundAttempt(tx, keys.address, ctx.throttle.address);
    await recordAuthEvent(tx, {
      event: 'sign_in.success',
      at: now,
      actorId: user.id,
      subjectId: user.id,
      ip: client.ip,
    });
  });
  const roles = (await rolesOf(ctx.db, [user.id])).get(user.id) ?? [];
  const me: Me = {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    demo: user.demo,
    locale: isLocale(user.locale) ? user.locale : null,
    emailReminders: user.emailReminders,
    roles,
    via: 'session',
    scope: 'write',
    csrfToken: csrfTokenFor(token),
    sessionExpiresAt: new Date(now.getTime() + ctx.session.absoluteMs).toISOString(),
  };
  return { token, me, maxAgeSeconds: Math.floor(ctx.session.absoluteMs / 1000) };
}

export async function signOut(ctx: ServiceContext, p: Principal, ip: string) {
  if (p.sessionHash) await deleteSession(ctx.db, p.sessionHash);
  await recordAuthEvent(ctx.db, {
    event: 'sign_out',
    at: ctx.now(),
    actorId: p.userId,
    subjectId: p.userId,
    ip,
  });
}

export function meOf(p: Principal): Me {
  return {
    id: p.userId,
    email: p.email,
    displayName: p.displayName,
    demo: p.demo,
    locale: isLocale(p.locale) ? p.locale : null,
    emailReminders: p.emailReminders ?? true,
    roles: p.roles,
    via: p.via,
    scope: p.scope,
    csrfToken: p.csrfToken,
    sessionExpiresAt: p.sessionExpiresAt?.toISOString() ?? null,
  };
}

/** Changes the caller's password and signs out their other sessions. */
export async function changePassword(
  ctx: ServiceContext,
  p: Principal,
  body: { currentPassword: string; newPassword: string },
  ip: string,
) {
  const user = await findUserById(ctx.db, p.userId);
  if (!user || !(await ctx.verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError(400, 'currentPassword: incorrect', { issue: 'incorrect' });
  }
  await checkPasswordPolicy(body.newPassword, 'newPassword', user.email);
  const passwordHash = await hashPassword(body.newPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash }, now);
    await deleteSessionsOfUser(tx, user.id, p.sessionHash ?? undefined);
    await recordAuthEvent(tx, {
      event: 'password.change',
      at: now,
      actorId: user.id,
      subjectId: user.id,
      ip,
    });
  });
}
