import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TokenScope } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { apiTokens } from '../../db/schema';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export type TokenRow = { id: number; name: string; prefix: string; scope: string } & {
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

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

export function listTokensOf(db: DbOrTx, userId: number): Promise<TokenRow[]> {
  return db.select(columns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id));
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
