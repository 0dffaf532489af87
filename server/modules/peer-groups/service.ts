import {
  type CreateSavedGroupBody,
  CreateSavedGroupBodySchema,
  type SavedGroup,
  type UpdateSavedGroupBody,
  UpdateSavedGroupBodySchema,
} from '../../../shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, notFound, parseInput } from '../../lib/errors';
import { forbidden, type Principal, readsEveryCountry, unauthenticated } from '../auth/permissions';
import { knownIso3 } from '../countries/repository';
import {
  deleteSavedGroupRow,
  findSavedGroup,
  groupNameTaken,
  insertSavedGroup,
  listSavedGroups,
  type SavedGroupRow,
  updateSavedGroupRow,
} from './repository';

/**
 * Who may do what with saved groups:
 * - shared groups: everyone who may read comparisons sees them (anonymous too when data is
 *   public); facilitators and administrators create, change and delete them;
 * - private groups: any signed-in user keeps their own; nobody else sees them (not even
 *   administrators: a private group of someone else answers 404, as if it did not exist).
 */
const managesShared = (p: Principal | null) => readsEveryCountry(p);

function canEdit(g: SavedGroupRow, p: Principal | null): boolean {
  if (!p) return false;
  return g.visibility === 'shared' ? managesShared(p) : g.ownerId === p.userId;
}

function toDto(g: SavedGroupRow, p: Principal | null): SavedGroup {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    visibility: g.visibility,
    members: g.members,
    ownerId: g.ownerId,
    canEdit: canEdit(g, p),
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export async function listGroups(db: DbOrTx, p: Principal | null) {
  const rows = await listSavedGroups(db, { ownerId: p?.userId ?? null });
  return { items: rows.map((g) => toDto(g, p)) };
}

/** A group the principal may see (shared, or their own private one); 404 otherwise. */
export async function visibleGroup(db: DbOrTx, p: Principal | null, id: number): Promise<SavedGroupRow> {
  const g = await findSavedGroup(db, id);
  if (!g || (g.visibility === 'private' && (!p || g.ownerId !== p.userId)))
    throw notFound(`group: no saved group with id ${id}`);
  return g;
}

export async function getGroup(db: DbOrTx, p: Principal | null, id: number) {
  return toDto(await visibleGroup(db, p, id), p);
}

async function checkMembers(db: DbOrTx, members: string[]): Promise<string[]> {
  const unique = [...new Set(members)].sort();
  const known = new Set(await knownIso3(db, unique));
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length) {
    throw new AppError(400, `members: unknown country codes: ${unknown.slice(0, 10).join(', ')}`, {
      issues: [
        {
          path: 'members',
          message: `unknown country codes: ${unknown.slice(0, 10).join(', ')}`,
          code: 'unknown_country',
          params: { value: unknown.slice(0, 10).join(', ') },
        },
      ],
    });
  }
  return unique;
}

async function checkName(
  db: DbOrTx,
  name: string,
  scope: { visibility: 'shared' | 'private'; ownerId: number | null },
  exceptId?: number,
) {
  if (await groupNameTaken(db, name, scope, exceptId)) {
    const where = scope.visibility === 'shared' ? 'a shared group' : 'one of your groups';
    throw new AppError(409, `name: ${where} is already called "${name}"`, {
      issues: [
        { path: 'name', message: 'is already taken', code: 'already_exists', params: { value: name } },
      ],
    });
  }
}

const stale = (sent: number, current: number) =>
  new AppError(409, `version: stale (you sent ${sent}, the group is at ${current}); reload it`);

const needShareRole = () =>
  forbidden('visibility: only facilitators and administrators manage shared groups');

export async function createGroup(db: Db, p: Principal | null, input: CreateSavedGroupBody) {
  if (!p) throw unauthenticated();
  const body = parseInput(CreateSavedGroupBodySchema, input);
  if (body.visibility === 'shared' && !managesShared(p)) throw needShareRole();
  const id = await db.transaction(async (tx) => {
    const members = await checkMembers(tx, body.members);
    const scope = { visibility: body.visibility, ownerId: p.userId };
    await checkName(tx, body.name, scope);
    return insertSavedGroup(
      tx,
      { name: body.name, description: body.description ?? null, ...scope },
      members,
    );
  });
  return getGroup(db, p, id);
}

export async function updateGroup(
  db: Db,
  p: Principal | null,
  id: number,
  input: UpdateSavedGroupBody,
  now: Date,
) {
  if (!p) throw unauthenticated();
  const body = parseInput(UpdateSavedGroupBodySchema, input);
  await db.transaction(async (tx) => {
    const g = await visibleGroup(tx, p, id);
    if (!canEdit(g, p)) throw needShareRole();
    const visibility = body.visibility ?? g.visibility;
    if (visibility === 'shared' && !managesShared(p)) throw needShareRole();
    const ownerId = visibility === g.visibility ? g.ownerId : p.userId;
    const name = body.name ?? g.name;
    if (body.name !== undefined || visibility !== g.visibility)
      await checkName(tx, name, { visibility, ownerId }, id);
    const members = body.members ? await checkMembers(tx, body.members) : undefined;
    const version = body.version ?? g.version;
    if (version !== g.version) throw stale(version, g.version);
    const changed = await updateSavedGroupRow(
      tx,
      id,
      version,
      {
        name,
        visibility,
        ...(body.description !== undefined ? { description: body.description ?? null } : {}),
        ...(visibility !== g.visibility ? { ownerId } : {}),
      },
      members,
      now,
    );
    if (!changed) throw stale(version, g.version);
  });
  return getGroup(db, p, id);
}

/** Deletes a group the principal manages; with `version`, only if nobody changed it since (409). */
export async function deleteGroup(db: Db, p: Principal | null, id: number, sent?: number) {
  if (!p) throw unauthenticated();
  await db.transaction(async (tx) => {
    const g = await visibleGroup(tx, p, id);
    if (!canEdit(g, p)) throw needShareRole();
    const version = sent ?? g.version;
    if (version !== g.version || !(await deleteSavedGroupRow(tx, id, version)))
      throw stale(version, g.version);
  });
}
