import type { ApiToken, CreatedToken, CreateTokenBody } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { type Principal, requireAdmin, unauthenticated } from '../auth/permissions';
import { newSecret, sha256Hex } from '../auth/secrets';
import { findUserById } from './repository';
import {
  countActiveTokensOf,
  insertToken,
  type ListedTokenRow,
  listTokensOf,
  revokeToken,
} from './token-repository';

const MAX_ACTIVE_TOKENS = 20;

function toToken(r: ListedTokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope === 'write' ? 'write' : 'read',
    createdAt: r.createdAt.toISOString(),
    createdBy:
      r.createdBy !== null && r.createdByName !== null
        ? { id: r.createdBy, displayName: r.createdByName }
        : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates an API token of `ownerId`, made by `actor` (the owner, or an administrator); the secret
 * is returned this once and only its hash is kept. Audited with both: actor and subject.
 */
async function createTokenOf(
  ctx: ServiceContext,
  actor: Principal,
  ownerId: number,
  body: CreateTokenBody,
  ip: string,
): Promise<CreatedToken> {
  const now = ctx.now();
  const token = newSecret('nap_');
  return ctx.db.transaction(async (tx) => {
    if ((await countActiveTokensOf(tx, ownerId)) >= MAX_ACTIVE_TOKENS) {
      throw new AppError(409, `tokens: at most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first`, {
        issue: 'too_many',
        issueParams: { max: MAX_ACTIVE_TOKENS },
      });
    }
    const row = await insertToken(tx, {
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 12),
      name: body.name,
      scope: body.scope,
      userId: ownerId,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAuthEvent(tx, {
      event: 'token.create',
      at: now,
      actorId: actor.userId,
      subjectId: ownerId,
      ip,
      details: { tokenId: row.id, name: row.name, scope: row.scope },
    });
    return { ...toToken({ ...row, createdByName: actor.displayName }), token };
  });
}

async function revokeTokenOf(ctx: ServiceContext, actor: Principal, ownerId: number, id: number, ip: string) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeToken(tx, ownerId, id, now))) {
      const whose = ownerId === actor.userId ? 'you have' : `user ${ownerId} has`;
      throw new AppError(404, `token: ${whose} no active token with id ${id}`);
    }
    await recordAuthEvent(tx, {
      event: 'token.revoke',
      at: now,
      actorId: actor.userId,
      subjectId: ownerId,
      ip,
      details: { tokenId: id },
    });
  });
}

export async function listMyTokens(ctx: ServiceContext, p: Principal | null): Promise<ApiToken[]> {
  if (!p) throw unauthenticated();
  return (await listTokensOf(ctx.db, p.userId)).map(toToken);
}

export function createMyToken(ctx: ServiceContext, p: Principal | null, body: CreateTokenBody, ip: string) {
  if (!p) throw unauthenticated();
  return createTokenOf(ctx, p, p.userId, body, ip);
}

export function revokeMyToken(ctx: ServiceContext, p: Principal | null, id: number, ip: string) {
  if (!p) throw unauthenticated();
  return revokeTokenOf(ctx, p, p.userId, id, ip);
}

/** The account an administrator manages the tokens of: it must exist. */
async function targetUser(ctx: ServiceContext, userId: number) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError(404, `user: no user with id ${userId}`);
  return user;
}

export async function listUserTokens(ctx: ServiceContext, p: Principal | null, userId: number) {
  requireAdmin(p);
  await targetUser(ctx, userId);
  return (await listTokensOf(ctx.db, userId)).map(toToken);
}

/** An administrator creates a token for another account (e.g. an integration's service account). */
export async function createUserToken(
  ctx: ServiceContext,
  p: Principal | null,
  userId: number,
  body: CreateTokenBody,
  ip: string,
): Promise<CreatedToken> {
  const admin = requireAdmin(p);
  const user = await targetUser(ctx, userId);
  // A deactivated account's tokens are refused on use: issuing one would only mislead.
  if (!user.active) throw new AppError(409, `user: ${user.email} is deactivated; reactivate it first`);
  return createTokenOf(ctx, admin, userId, body, ip);
}

export async function revokeUserToken(
  ctx: ServiceContext,
  p: Principal | null,
  userId: number,
  tokenId: number,
  ip: string,
) {
  const admin = requireAdmin(p);
  await targetUser(ctx, userId);
  await revokeTokenOf(ctx, admin, userId, tokenId, ip);
}
