import { and, asc, desc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
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
  const [g] = await db.select().from(peerGroups).where(eq(peerGroups.id, id));
  if (!g) return undefined;
  const members = await db
    .select({ iso3: peerGroupMembers.countryIso3 })
    .from(peerGroupMembers)
    .where(eq(peerGroupMembers.groupId, id))
    .orderBy(asc(peerGroupMembers.countryIso3));
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

export async function updateSavedGroupRow(
  db: DbOrTx,
  id: number,
  fields: Partial<SavedGroupFields>,
  members: string[] | undefined,
  now: Date,
) {
  await db
    .update(peerGroups)
    .set({ ...fields, updatedAt: now })
    .where(eq(peerGroups.id, id));
  if (members) await replaceMembers(db, id, members);
}

async function replaceMembers(db: DbOrTx, id: number, members: string[]) {
  await db.delete(peerGroupMembers).where(eq(peerGroupMembers.groupId, id));
  if (members.length)
    await db.insert(peerGroupMembers).values(members.map((countryIso3) => ({ groupId: id, countryIso3 })));
}

export async function deleteSavedGroupRow(db: DbOrTx, id: number) {
  await db.delete(peerGroups).where(eq(peerGroups.id, id));
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
