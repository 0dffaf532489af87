import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TokenScope } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { apiTokens, users } from '../../db/schema';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  createdBy: apiTokens.createdBy,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export type TokenRow = { id: number; name: string; prefix: string; scope: string } & {
  createdAt: Date;
  createdBy: number | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** A token row with the display name of whoever created it (null when that account is gone). */
export type ListedTokenRow = TokenRow & { createdByName: string | null };

export async function insertToken(
  db: DbOrTx,
  t: {
    tokenHash: string;
    prefix: string;
    name: string;
    scope: TokenScope;
    userId: number;
    createdBy: number;
    createdAt: Date;
  },
): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(t).returning(columns);
  if (!row) throw new Error('insert returned no row');
  return row;
}

const creator = alias(users, 'creator');

export function listTokensOf(db: DbOrTx, userId: number): Promise<ListedTokenRow[]> {
  return db
    .select({ ...columns, createdByName: creator.displayName })
    .from(apiTokens)
    .leftJoin(creator, eq(creator.id, apiTokens.createdBy))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}

export async function countActiveTokensOf(db: DbOrTx, userId: number): Promise<number> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return rows.length;
}

/** Revokes a token of this user; false when there is no such (unrevoked) token. */
export async function revokeToken(db: DbOrTx, userId: number, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
