import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { EvidenceLink, ValidatorComment } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { users, valueComments, valueEvidence } from '../../db/schema';

/** The latest comment of each value, as its focal point typed it with the value (kind entry). */
export async function latestComments(db: DbOrTx, valueIds: number[]): Promise<Map<number, string>> {
  if (valueIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([valueComments.valueId], { valueId: valueComments.valueId, body: valueComments.body })
    .from(valueComments)
    .where(and(inArray(valueComments.valueId, valueIds), eq(valueComments.kind, 'entry')))
    .orderBy(asc(valueComments.valueId), desc(valueComments.id));
  return new Map(rows.map((r) => [r.valueId, r.body]));
}

/** The latest validator's comment of each value, with who wrote it and when. */
export async function latestValidatorComments(
  db: DbOrTx,
  valueIds: number[],
): Promise<Map<number, ValidatorComment>> {
  if (valueIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([valueComments.valueId], {
      valueId: valueComments.valueId,
      body: valueComments.body,
      authorId: valueComments.authorId,
      authorName: users.displayName,
      at: valueComments.createdAt,
    })
    .from(valueComments)
    .leftJoin(users, eq(users.id, valueComments.authorId))
    .where(and(inArray(valueComments.valueId, valueIds), eq(valueComments.kind, 'validator')))
    .orderBy(asc(valueComments.valueId), desc(valueComments.id));
  return new Map(
    rows.map((r) => [
      r.valueId,
      {
        body: r.body,
        by: r.authorId !== null && r.authorName !== null ? { id: r.authorId, name: r.authorName } : null,
        at: r.at.toISOString(),
      },
    ]),
  );
}

export async function addValidatorComment(
  db: DbOrTx,
  valueId: number,
  body: string,
  authorId: number,
  now: Date,
) {
  await db.insert(valueComments).values({ valueId, body, authorId, createdAt: now, kind: 'validator' });
}

export async function evidenceOf(db: DbOrTx, valueIds: number[]): Promise<Map<number, EvidenceLink[]>> {
  const out = new Map<number, EvidenceLink[]>();
  if (valueIds.length === 0) return out;
  const rows = await db
    .select({ valueId: valueEvidence.valueId, url: valueEvidence.url, title: valueEvidence.title })
    .from(valueEvidence)
    .where(inArray(valueEvidence.valueId, valueIds))
    .orderBy(asc(valueEvidence.id));
  for (const r of rows) out.set(r.valueId, [...(out.get(r.valueId) ?? []), { url: r.url, title: r.title }]);
  return out;
}

export async function addComment(db: DbOrTx, valueId: number, body: string, authorId: number, now: Date) {
  await db.insert(valueComments).values({ valueId, body, authorId, createdAt: now });
}

export async function replaceEvidence(
  db: DbOrTx,
  valueId: number,
  links: EvidenceLink[],
  userId: number,
  now: Date,
) {
  await db.delete(valueEvidence).where(eq(valueEvidence.valueId, valueId));
  if (links.length > 0)
    await db
      .insert(valueEvidence)
      .values(links.map((l) => ({ valueId, url: l.url, title: l.title, addedBy: userId, createdAt: now })));
}
