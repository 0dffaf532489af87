import type { ApiToken, CreatedToken, CreateTokenBody } from '../../../shared';
import { AppError } from '../../lib/errors';
import { recordAuthEvent } from '../audit/repository';
import type { AuthContext } from '../auth/context';
import { type Principal, unauthenticated } from '../auth/permissions';
import { newSecret, sha256Hex } from '../auth/secrets';
import { insertToken, listTokensOf, revokeToken, type TokenRow } from './token-repository';

const MAX_ACTIVE_TOKENS = 20;

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope === 'write' ? 'write' : 'read',
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export async function listMyTokens(ctx: AuthContext, p: Principal | null): Promise<ApiToken[]> {
  if (!p) throw unauthenticated();
  return (await listTokensOf(ctx.db, p.userId)).map(toToken);
}

/** Creates an API token for the caller; the secret is returned this once and only its hash is kept. */
export async function createMyToken(
  ctx: AuthContext,
  p: Principal | null,
  body: CreateTokenBody,
  ip: string,
): Promise<CreatedToken> {
  if (!p) throw unauthenticated();
  const now = ctx.now();
  const token = newSecret('nap_');
  return ctx.db.transaction(async (tx) => {
    const active = (await listTokensOf(tx, p.userId)).filter((t) => !t.revokedAt);
    if (active.length >= MAX_ACTIVE_TOKENS) {
      throw new AppError(409, `tokens: at most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first`);
    }
    const row = await insertToken(tx, {
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 12),
      name: body.name,
      scope: body.scope,
      userId: p.userId,
      createdBy: p.userId,
      createdAt: now,
    });
    await recordAuthEvent(tx, {
      event: 'token.create',
      at: now,
      actorId: p.userId,
      subjectId: p.userId,
      ip,
      details: { tokenId: row.id, name: row.name, scope: row.scope },
    });
    return { ...toToken(row), token };
  });
}

export async function revokeMyToken(ctx: AuthContext, p: Principal | null, id: number, ip: string) {
  if (!p) throw unauthenticated();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeToken(tx, p.userId, id, now))) {
      throw new AppError(404, `token: you have no active token with id ${id}`);
    }
    await recordAuthEvent(tx, {
      event: 'token.revoke',
      at: now,
      actorId: p.userId,
      subjectId: p.userId,
      ip,
      details: { tokenId: id },
    });
  });
}
