import type { ResetLink, ResetWithLinkBody } from '../../../shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { findUserById, updateUserRow } from '../users/repository';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { type Principal, requireAdmin } from './permissions';
import { consumeResetLink, findActiveResetLink, replaceResetLink } from './reset-link-repository';
import { newSecret, sha256Hex } from './secrets';
import { deleteSessionsOfUser } from './session-repository';

/** A day: long enough to pass the link on by phone or e-mail across time zones, short enough to be stale soon. */
export const RESET_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

const invalidLink = () =>
  new AppError(
    400,
    'token: this link no longer works (used, expired or replaced by a newer one); ask an administrator for a new link',
  );

/**
 * An administrator makes a one-time link for an account that lost its password. The secret goes in
 * the address's fragment (#), which browsers never send to a server nor put in a Referer.
 */
export async function createResetLink(
  ctx: ServiceContext,
  actor: Principal | null,
  userId: number,
  ip: string,
): Promise<ResetLink> {
  const admin = requireAdmin(actor);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError(404, `user: no user with id ${userId}`);
  if (!user.active) throw new AppError(400, 'user: this account is deactivated; reactivate it first');
  return issueResetLink(ctx.db, userId, { actorId: admin.userId, ip, via: 'admin' }, ctx.now());
}

/**
 * Makes an account's one-time link (replacing its earlier ones) and audits it, in one transaction:
 * for an administrator (createResetLink) or for the account itself, by e-mail (forgot-password).
 */
export async function issueResetLink(
  db: Db,
  userId: number,
  by: { actorId: number | null; ip: string; via: 'admin' | 'email' },
  now: Date,
): Promise<ResetLink> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
  await db.transaction(async (tx) => {
    await replaceResetLink(tx, {
      tokenHash: sha256Hex(token),
      userId,
      createdBy: by.actorId,
      createdAt: now,
      expiresAt,
    });
    await recordAuthEvent(tx, {
      event: 'password.reset_link',
      at: now,
      actorId: by.actorId,
      subjectId: userId,
      ip: by.ip,
      ...(by.via === 'email' ? { details: { via: 'email' } } : {}),
    });
  });
  return { token, path: `/reset-password#token=${token}`, expiresAt: expiresAt.toISOString() };
}

/** Sets a new password through a link: the link is spent, and every session of the account ends. */
export async function resetWithLink(ctx: ServiceContext, body: ResetWithLinkBody, ip: string): Promise<void> {
  const tokenHash = sha256Hex(body.token);
  const now = ctx.now();
  const userId = await findActiveResetLink(ctx.db, tokenHash, now);
  const user = userId === null ? null : await findUserById(ctx.db, userId);
  if (!user?.active) throw invalidLink();
  // The policy is checked before the link is spent: a refused password leaves the link usable.
  await checkPasswordPolicy(body.newPassword, 'newPassword', user.email);
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    if ((await consumeResetLink(tx, tokenHash, now)) !== user.id) throw invalidLink();
    await updateUserRow(tx, user.id, { passwordHash }, now);
    await deleteSessionsOfUser(tx, user.id);
    await recordAuthEvent(tx, {
      event: 'password.reset_by_link',
      at: now,
      actorId: user.id,
      subjectId: user.id,
      ip,
    });
  });
}
