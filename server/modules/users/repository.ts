import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { RoleAssignment, Sector } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { roleAssignments, users } from '../../db/schema';

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  active: boolean;
  demo: boolean;
  locale: string | null;
  emailReminders: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  active: users.active,
  demo: users.demo,
  locale: users.locale,
  emailReminders: users.emailReminders,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row;
}

export function listUserRows(db: DbOrTx): Promise<UserRow[]> {
  return db
    .select(columns)
    .from(users)
    .orderBy(asc(sql`lower(${users.email})`));
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(
  db: DbOrTx,
  u: { email: string; displayName: string; passwordHash: string; demo?: boolean },
): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...u, demo: u.demo ?? false })
    .onConflictDoNothing()
    .returning(columns);
  return row;
}

export async function updateUserRow(
  db: DbOrTx,
  id: number,
  patch: Partial<Pick<UserRow, 'displayName' | 'active' | 'passwordHash' | 'locale'>>,
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: now })
    .where(eq(users.id, id));
}

export async function rolesOf(db: DbOrTx, userIds: number[]): Promise<Map<number, RoleAssignment[]>> {
  const out = new Map<number, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      country: roleAssignments.countryIso3,
      sectors: roleAssignments.sectors,
    })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.id));
  for (const r of rows) {
    out.get(r.userId)?.push({
      role: r.role as RoleAssignment['role'],
      country: r.country,
      sectors: r.sectors as Sector[],
    });
  }
  return out;
}

export async function replaceRoles(db: DbOrTx, userId: number, roles: RoleAssignment[]): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length === 0) return;
  await db
    .insert(roleAssignments)
    .values(roles.map((r) => ({ userId, role: r.role, countryIso3: r.country, sectors: r.sectors })));
}

export async function countActiveAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(sql`${users.active} and ${roleAssignments.role} = 'admin'`);
  return row?.n ?? 0;
}
