import {
  and,
  asc,
  eq,
  exists,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  max,
  notExists,
  or,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  auditLog,
  countries,
  mailDigests,
  notifications,
  planPeriods,
  plans,
  roleAssignments,
  submissions,
  users,
} from '../../db/schema';

/** How a claim on a day's digest is bounded: tries a day, and when an unfinished claim is abandoned. */
export interface ClaimPolicy {
  maxAttempts: number;
  /** A claim older than this is taken as abandoned (its process died mid-send) and may be taken again. */
  staleBefore: Date;
}

export interface Recipient {
  id: number;
  email: string;
  displayName: string;
  locale: string | null;
}

/** The row of the day stops a user from being a candidate: sent, claimed now, or out of tries. */
const settledToday = (day: string, p: ClaimPolicy) =>
  and(
    eq(mailDigests.userId, users.id),
    eq(mailDigests.day, day),
    or(
      isNotNull(mailDigests.sentAt),
      sql`${mailDigests.attempts} >= ${p.maxAttempts}`,
      and(isNotNull(mailDigests.claimedAt), gt(mailDigests.claimedAt, p.staleBefore)),
    ),
  );

/**
 * Who may get today's digest: active accounts (not the embedded database's demo ones) with e-mail
 * reminders on, focal point or validator of a country, and no digest settled today.
 */
export async function digestCandidates(db: DbOrTx, day: string, p: ClaimPolicy): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        eq(users.demo, false),
        eq(users.emailReminders, true),
        exists(
          db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(
              and(
                eq(roleAssignments.userId, users.id),
                inArray(roleAssignments.role, ['focal_point', 'validator']),
                isNotNull(roleAssignments.countryIso3),
              ),
            ),
        ),
        notExists(db.select({ one: sql`1` }).from(mailDigests).where(settledToday(day, p))),
      ),
    )
    .orderBy(asc(users.id));
}

/**
 * Takes the user's digest of the day for this attempt; false when another process holds it, it was
 * sent, or its tries are spent. One statement each, so two processes cannot both take it.
 */
export async function claimDigest(
  db: DbOrTx,
  userId: number,
  day: string,
  now: Date,
  p: ClaimPolicy,
): Promise<boolean> {
  const inserted = await db
    .insert(mailDigests)
    .values({ userId, day, claimedAt: now, attempts: 1 })
    .onConflictDoNothing()
    .returning({ id: mailDigests.id });
  if (inserted.length > 0) return true;
  const retaken = await db
    .update(mailDigests)
    .set({ claimedAt: now, attempts: sql`${mailDigests.attempts} + 1` })
    .where(
      and(
        eq(mailDigests.userId, userId),
        eq(mailDigests.day, day),
        isNull(mailDigests.sentAt),
        lt(mailDigests.attempts, p.maxAttempts),
        or(isNull(mailDigests.claimedAt), lte(mailDigests.claimedAt, p.staleBefore)),
      ),
    )
    .returning({ id: mailDigests.id });
  return retaken.length > 0;
}

/** The digest went out (or there was nothing to say: items 0); the claim's time stays as its end. */
export async function finishDigest(db: DbOrTx, userId: number, day: string, now: Date, items: number) {
  await db
    .update(mailDigests)
    .set({ sentAt: now, items, error: null })
    .where(and(eq(mailDigests.userId, userId), eq(mailDigests.day, day)));
}

/** The send failed: keep why, and let a later tick (this process or another) try again. */
export async function releaseDigest(db: DbOrTx, userId: number, day: string, error: string) {
  await db
    .update(mailDigests)
    .set({ claimedAt: null, error: error.slice(0, 2000) })
    .where(and(eq(mailDigests.userId, userId), eq(mailDigests.day, day)));
}

/** When the user's previous digest was made (its claim's time), or null. */
export async function previousDigestAt(db: DbOrTx, userId: number, day: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(mailDigests.claimedAt) })
    .from(mailDigests)
    .where(and(eq(mailDigests.userId, userId), lt(mailDigests.day, day), isNotNull(mailDigests.sentAt)));
  // Some drivers answer an aggregate's timestamp as text.
  return row?.at ? new Date(row.at) : null;
}

export interface NoticeRow {
  kind: 'returned' | 'approved';
  at: Date;
  periodId: number;
  periodCode: string;
  planTitle: string;
  countryIso3: string;
  countryName: string;
  reason: string | null;
}

/**
 * The user's returned/approved notices in (since, until], oldest first, with the return's reason
 * as the notice holds it (notices from before codes: as the workflow audited it). Reopenings are
 * in-app only.
 */
export async function noticesBetween(
  db: DbOrTx,
  userId: number,
  since: Date,
  until: Date,
): Promise<NoticeRow[]> {
  const reason = sql<string | null>`coalesce(${notifications.params}->>'reason', (
    select ${auditLog.new}->>'reason' from ${auditLog}
    where ${auditLog.entityType} = 'submission' and ${auditLog.entityId} = ${submissions.id}::text
      and ${auditLog.action} = 'return' and ${auditLog.at} = ${notifications.createdAt}
    order by ${auditLog.id} desc limit 1))`;
  const rows = await db
    .select({
      kind: notifications.kind,
      at: notifications.createdAt,
      periodId: planPeriods.id,
      periodCode: planPeriods.code,
      planTitle: plans.title,
      countryIso3: submissions.countryIso3,
      countryName: countries.name,
      reason,
    })
    .from(notifications)
    .innerJoin(submissions, eq(submissions.id, notifications.submissionId))
    .innerJoin(planPeriods, eq(planPeriods.id, submissions.planPeriodId))
    .innerJoin(plans, eq(plans.id, planPeriods.planId))
    .innerJoin(countries, eq(countries.iso3, submissions.countryIso3))
    .where(
      and(
        eq(notifications.userId, userId),
        inArray(notifications.kind, ['returned', 'approved']),
        gt(notifications.createdAt, since),
        lte(notifications.createdAt, until),
      ),
    )
    .orderBy(asc(notifications.id));
  return rows.map((r) => ({ ...r, kind: r.kind === 'approved' ? 'approved' : 'returned' }));
}

/** Turns the user's daily digest on or off. */
export async function setEmailReminders(db: DbOrTx, userId: number, enabled: boolean, now: Date) {
  await db.update(users).set({ emailReminders: enabled, updatedAt: now }).where(eq(users.id, userId));
}
