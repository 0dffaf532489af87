import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { briefingPacks, briefingSessions, users } from '../../db/schema';

export type SessionFields = Omit<typeof briefingSessions.$inferInsert, 'id' | 'createdAt' | 'version'>;
export type SessionRow = typeof briefingSessions.$inferSelect & { createdByName: string | null };

const sessionColumns = { session: briefingSessions, createdByName: users.displayName };
const toRow = (r: {
  session: typeof briefingSessions.$inferSelect;
  createdByName: string | null;
}): SessionRow => ({
  ...r.session,
  createdByName: r.createdByName,
});

/** Sessions, most recently changed first (bounded: a facilitators' team keeps dozens, not thousands). */
export async function listSessionRows(db: DbOrTx, limit = 500): Promise<SessionRow[]> {
  const rows = await db
    .select(sessionColumns)
    .from(briefingSessions)
    .leftJoin(users, eq(users.id, briefingSessions.createdBy))
    .orderBy(desc(briefingSessions.updatedAt), desc(briefingSessions.id))
    .limit(limit);
  return rows.map(toRow);
}

export async function findSessionRow(db: DbOrTx, id: number): Promise<SessionRow | undefined> {
  const [row] = await db
    .select(sessionColumns)
    .from(briefingSessions)
    .leftJoin(users, eq(users.id, briefingSessions.createdBy))
    .where(eq(briefingSessions.id, id));
  return row && toRow(row);
}

export async function insertSessionRow(db: DbOrTx, fields: SessionFields): Promise<number> {
  const [row] = await db.insert(briefingSessions).values(fields).returning({ id: briefingSessions.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Writes only if the session still has `version`: undefined back means stale (or gone). */
export async function updateSessionIfVersion(db: DbOrTx, id: number, version: number, fields: SessionFields) {
  const [row] = await db
    .update(briefingSessions)
    .set({ ...fields, version: version + 1 })
    .where(and(eq(briefingSessions.id, id), eq(briefingSessions.version, version)))
    .returning({ id: briefingSessions.id });
  return row;
}

const packRef = {
  id: briefingPacks.id,
  format: briefingPacks.format,
  lang: briefingPacks.lang,
  bytes: briefingPacks.bytes,
  sha256: briefingPacks.sha256,
  createdAt: briefingPacks.createdAt,
  createdBy: briefingPacks.createdBy,
  createdByName: users.displayName,
};
/** A session's packs without their bytes, newest first. */
export async function listPackRows(db: DbOrTx, sessionId: number) {
  return db
    .select(packRef)
    .from(briefingPacks)
    .leftJoin(users, eq(users.id, briefingPacks.createdBy))
    .where(eq(briefingPacks.sessionId, sessionId))
    .orderBy(desc(briefingPacks.id));
}

export async function insertPackRow(db: DbOrTx, v: typeof briefingPacks.$inferInsert): Promise<number> {
  const [row] = await db.insert(briefingPacks).values(v).returning({ id: briefingPacks.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** One pack with its bytes, if it belongs to that session. */
export async function findPackRow(db: DbOrTx, sessionId: number, packId: number) {
  const [row] = await db
    .select()
    .from(briefingPacks)
    .where(and(eq(briefingPacks.id, packId), eq(briefingPacks.sessionId, sessionId)));
  return row;
}

export type PackRefRow = Awaited<ReturnType<typeof listPackRows>>[number];
