import type { CreateUserBody, RoleAssignment, UpdateUserBody, User } from '../../../shared';
import { CreateUserBodySchema, UpdateUserBodySchema } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError, parseInput } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { hashPassword } from '../auth/password';
import { checkPasswordPolicy } from '../auth/password-policy';
import { type Principal, requireAdmin } from '../auth/permissions';
import { deleteSessionsOfUser } from '../auth/session-repository';
import { findCountry } from '../countries/repository';
import {
  countActiveAdmins,
  findUserById,
  insertUser,
  listUserRows,
  replaceRoles,
  rolesOf,
  type UserRow,
  updateUserRow,
} from './repository';

function toUser(row: UserRow, roles: RoleAssignment[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    active: row.active,
    demo: row.demo,
    roles,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function checkCountries(db: DbOrTx, roles: RoleAssignment[]) {
  for (const [i, r] of roles.entries()) {
    if (r.country && !(await findCountry(db, r.country))) {
      throw new AppError(400, `roles.${i}.country: no country with ISO3 code ${r.country}`, {
        issue: 'unknown_country',
        issueParams: { value: r.country },
      });
    }
  }
  const keys = roles.map((r) => `${r.role}:${r.country ?? ''}`);
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0)
    throw new AppError(400, `roles.${dup}: the same role and country appear twice`, { issue: 'duplicate' });
}

export async function listUsers(ctx: ServiceContext, p: Principal | null): Promise<User[]> {
  requireAdmin(p);
  const rows = await listUserRows(ctx.db);
  const roles = await rolesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []));
}

export async function getUser(ctx: ServiceContext, p: Principal | null, id: number): Promise<User> {
  requireAdmin(p);
  const row = await findUserById(ctx.db, id);
  if (!row) throw new AppError(404, `user: no user with id ${id}`);
  return toUser(row, (await rolesOf(ctx.db, [id])).get(id) ?? []);
}

/**
 * Creates an account. `actor` is null for the first-run administrator and the demo accounts, which
 * the process creates itself (CLI, environment, embedded demo).
 */
export async function createUser(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  actor: Principal | null,
  input: CreateUserBody,
  opts: { ip?: string; demo?: boolean; system?: boolean } = {},
): Promise<User> {
  if (!opts.system) requireAdmin(actor);
  const body = parseInput(CreateUserBodySchema, input);
  await checkPasswordPolicy(body.password, 'password', body.email);
  const passwordHash = await hashPassword(body.password);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await checkCountries(tx, body.roles);
    const row = await insertUser(tx, {
      email: body.email,
      displayName: body.displayName,
      passwordHash,
      demo: opts.demo ?? false,
    });
    if (!row)
      throw new AppError(409, `email: an account with ${body.email} already exists`, {
        issue: 'already_exists',
        issueParams: { value: body.email },
      });
    await replaceRoles(tx, row.id, body.roles);
    await recordAuthEvent(tx, {
      event: 'user.create',
      at: now,
      actorId: actor?.userId ?? null,
      subjectId: row.id,
      ip: opts.ip ?? null,
      details: { email: row.email, roles: body.roles, demo: row.demo },
    });
    return toUser(row, body.roles);
  });
}

export async function updateUser(
  ctx: ServiceContext,
  actor: Principal | null,
  id: number,
  input: UpdateUserBody,
  ip: string,
): Promise<User> {
  const admin = requireAdmin(actor);
  const body = parseInput(UpdateUserBodySchema, input);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw new AppError(404, `user: no user with id ${id}`);
    const oldRoles = (await rolesOf(tx, [id])).get(id) ?? [];
    if (body.roles) await checkCountries(tx, body.roles);
    if (body.displayName !== undefined || body.active !== undefined) {
      await updateUserRow(tx, id, { displayName: body.displayName, active: body.active }, now);
    }
    if (body.roles) {
      await replaceRoles(tx, id, body.roles);
      await recordAuthEvent(tx, {
        event: 'user.roles',
        at: now,
        actorId: admin.userId,
        subjectId: id,
        ip,
        details: { before: oldRoles, after: body.roles },
      });
    }
    if (body.active !== undefined && body.active !== before.active) {
      // A deactivated account is signed out everywhere; its tokens stop working (checked on use).
      if (!body.active) await deleteSessionsOfUser(tx, id);
      await recordAuthEvent(tx, {
        event: body.active ? 'user.reactivate' : 'user.deactivate',
        at: now,
        actorId: admin.userId,
        subjectId: id,
        ip,
      });
    }
    if (body.displayName !== undefined && body.displayName !== before.displayName) {
      await recordAuthEvent(tx, {
        event: 'user.update',
        at: now,
        actorId: admin.userId,
        subjectId: id,
        ip,
        details: { displayName: { before: before.displayName, after: body.displayName } },
      });
    }
    // Never lock everyone out: at least one active administrator must remain.
    if ((await countActiveAdmins(tx)) === 0) {
      throw new AppError(409, 'roles: this change would leave no active administrator');
    }
  });
  return getUser(ctx, actor, id);
}

export async function resetPassword(
  ctx: ServiceContext,
  actor: Principal | null,
  id: number,
  password: string,
  ip: string,
) {
  const admin = requireAdmin(actor);
  const user = await findUserById(ctx.db, id);
  if (!user) throw new AppError(404, `user: no user with id ${id}`);
  await checkPasswordPolicy(password, 'password', user.email);
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, { passwordHash }, now);
    await deleteSessionsOfUser(tx, id);
    await recordAuthEvent(tx, { event: 'password.reset', at: now, actorId: admin.userId, subjectId: id, ip });
  });
}
