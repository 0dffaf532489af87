import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passwordResetLinks } from '../../db/schema';

export interface NewResetLink {
  tokenHash: string;
  userId: number;
  createdBy: number | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A newer link replaces the account's earlier ones: only the last link given out works. */
export async function replaceResetLink(db: DbOrTx, link: NewResetLink): Promise<void> {
  await db.delete(passwordResetLinks).where(eq(passwordResetLinks.userId, link.userId));
  await db.insert(passwordResetLinks).values(link);
}

/** Marks the link used and returns its account, in one statement: two tabs cannot both use it. */
export async function consumeResetLink(db: DbOrTx, tokenHash: string, now: Date): Promise<number | null> {
  const rows = await db
    .update(passwordResetLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetLinks.tokenHash, tokenHash),
        isNull(passwordResetLinks.usedAt),
        gt(passwordResetLinks.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResetLinks.userId });
  return rows[0]?.userId ?? null;
}

/** The account an unused, unexpired link is for; null otherwise. */
export async function findActiveResetLink(db: DbOrTx, tokenHash: string, now: Date): Promise<number | null> {
  const rows = await db
    .select({ userId: passwordResetLinks.userId })
    .from(passwordResetLinks)
    .where(
      and(
        eq(passwordResetLinks.tokenHash, tokenHash),
        isNull(passwordResetLinks.usedAt),
        gt(passwordResetLinks.expiresAt, now),
      ),
    );
  return rows[0]?.userId ?? null;
}
