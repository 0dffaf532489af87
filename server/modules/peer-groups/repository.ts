import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { PeerGroupVisibility } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { peerGroupMembers, peerGroups } from '../../db/schema';

export interface SavedGroupRow {
  id: number;
  name: string;
  description: string | null;
  visibility: PeerGroupVisibility;
  ownerId: number | null;
  members: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Shared groups, plus the private groups of `ownerId` (none when null). */
export async function listSavedGroups(
  db: DbOrTx,
  viewer: { ownerId: number | null; id?: number },
): Promise<SavedGroupRow[]> {
  const visible: SQL | undefined =
    viewer.ownerId === null
      ? eq(peerGroups.visibility, 'shared')
      : or(
          eq(peerGroups.visibility, 'shared'),
          and(isNotNull(peerGroups.ownerId), eq(peerGroups.ownerId, viewer.ownerId)),
        );
  const groups = await db
    .select()
    .from(peerGroups)
    .where(and(visible, viewer.id === undefined ? undefined : eq(peerGroups.id, viewer.id)))
    .orderBy(desc(peerGroups.visibility), asc(peerGroups.name), asc(peerGroups.id));
  if (groups.length === 0) return [];
  const members = await db
    .select()
    .from(peerGroupMembers)
    .where(
      inArray(
        peerGroupMembers.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(asc(peerGroupMembers.countryIso3));
  return groups.map((g) => ({
    ...g,
    visibility: g.visibility as PeerGroupVisibility,
    members: members.filter((m) => m.groupId === g.id).map((m) => m.countryIso3),
  }));
}

/** Any group by id, whoever owns it (the service decides who may see it). */
export async function findSavedGroup(db: DbOrTx, id: number): Promise<SavedGroupRow | undefined> {
  // Prepared: every comparison with a saved group reads it.
  const [g] = await db
    .select()
    .from(peerGroups)
    .where(eq(peerGroups.id, id))
    .prepare('find_saved_group')
    .execute();
  if (!g) return undefined;
  const members = await db
    .select({ iso3: peerGroupMembers.countryIso3 })
    .from(peerGroupMembers)
    .where(eq(peerGroupMembers.groupId, id))
    .orderBy(asc(peerGroupMembers.countryIso3))
    .prepare('saved_group_members')
    .execute();
  return { ...g, visibility: g.visibility as PeerGroupVisibility, members: members.map((m) => m.iso3) };
}

export interface SavedGroupFields {
  name: string;
  description: string | null;
  visibility: PeerGroupVisibility;
  ownerId: number | null;
}

export async function insertSavedGroup(db: DbOrTx, fields: SavedGroupFields, members: string[]) {
  const [row] = await db.insert(peerGroups).values(fields).returning({ id: peerGroups.id });
  if (!row) throw new Error('insert returned no row');
  await replaceMembers(db, row.id, members);
  return row.id;
}

/** Changes a group still at `version` (bumping it); false when it is not (stale or gone). */
export async function updateSavedGroupRow(
  db: DbOrTx,
  id: number,
  version: number,
  fields: Partial<SavedGroupFields>,
  members: string[] | undefined,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(peerGroups)
    .set({ ...fields, version: sql`${peerGroups.version} + 1`, updatedAt: now })
    .where(and(eq(peerGroups.id, id), eq(peerGroups.version, version)))
    .returning({ id: peerGroups.id });
  if (rows.length === 0) return false;
  if (members) await replaceMembers(db, id, members);
  return true;
}

async function replaceMembers(db: DbOrTx, id: number, members: string[]) {
  await db.delete(peerGroupMembers).where(eq(peerGroupMembers.groupId, id));
  if (members.length)
    await db.insert(peerGroupMembers).values(members.map((countryIso3) => ({ groupId: id, countryIso3 })));
}

/** Deletes a group still at `version` (its members go with it); false when it is not. */
export async function deleteSavedGroupRow(db: DbOrTx, id: number, version: number): Promise<boolean> {
  const rows = await db
    .delete(peerGroups)
    .where(and(eq(peerGroups.id, id), eq(peerGroups.version, version)))
    .returning({ id: peerGroups.id });
  return rows.length > 0;
}

/** Names already taken among the shared groups, or among one owner's private groups. */
export async function groupNameTaken(
  db: DbOrTx,
  name: string,
  scope: { visibility: PeerGroupVisibility; ownerId: number | null },
  exceptId?: number,
): Promise<boolean> {
  const rows = await db
    .select({ id: peerGroups.id, name: peerGroups.name })
    .from(peerGroups)
    .where(
      scope.visibility === 'shared'
        ? eq(peerGroups.visibility, 'shared')
        : and(eq(peerGroups.visibility, 'private'), eq(peerGroups.ownerId, scope.ownerId ?? -1)),
    );
  return rows.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
}
