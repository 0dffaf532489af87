import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  countries,
  indicatorValues,
  periods,
  planIndicators,
  planPeriods,
  plans,
  roleAssignments,
  submissions,
  users,
} from '../../db/schema';

export type PlanPeriodRow = typeof planPeriods.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;

export async function insertPlanPeriod(db: DbOrTx, v: typeof planPeriods.$inferInsert) {
  const [row] = await db.insert(planPeriods).values(v).onConflictDoNothing().returning();
  return row;
}

export async function insertSubmission(db: DbOrTx, planPeriodId: number, iso3: string, now: Date) {
  const [row] = await db
    .insert(submissions)
    .values({ planPeriodId, countryIso3: iso3, updatedAt: now })
    .returning();
  return row as SubmissionRow;
}

/** A framework period (national frameworks get one per reporting period), unless it exists. */
export async function ensureFrameworkPeriod(
  db: DbOrTx,
  v: { frameworkCode: string; code: string; label: string; startDate: string; endDate: string },
) {
  await db.insert(periods).values(v).onConflictDoNothing();
}

const submitter = alias(users, 'submitter');
const approver = alias(users, 'approver');
const returner = alias(users, 'returner');
const reopener = alias(users, 'reopener');

/** Reporting periods with their plan, country and submission (and the names of who took each step). */
export async function periodRows(
  db: DbOrTx,
  where: { planId?: number; periodId?: number; countryIn?: string[] },
) {
  const cond: SQL[] = [];
  if (where.planId !== undefined) cond.push(eq(planPeriods.planId, where.planId));
  if (where.periodId !== undefined) cond.push(eq(planPeriods.id, where.periodId));
  if (where.countryIn) {
    if (where.countryIn.length === 0) return [];
    cond.push(inArray(plans.countryIso3, where.countryIn));
  }
  return db
    .select({
      period: planPeriods,
      plan: { id: plans.id, title: plans.title, countryIso3: plans.countryIso3, status: plans.status },
      countryName: countries.name,
      submission: submissions,
      names: {
        submitted: submitter.displayName,
        approved: approver.displayName,
        returned: returner.displayName,
        reopened: reopener.displayName,
      },
    })
    .from(planPeriods)
    .innerJoin(plans, eq(plans.id, planPeriods.planId))
    .innerJoin(countries, eq(countries.iso3, plans.countryIso3))
    .innerJoin(
      submissions,
      and(eq(submissions.planPeriodId, planPeriods.id), eq(submissions.countryIso3, plans.countryIso3)),
    )
    .leftJoin(submitter, eq(submitter.id, submissions.submittedBy))
    .leftJoin(approver, eq(approver.id, submissions.approvedBy))
    .leftJoin(returner, eq(returner.id, submissions.returnedBy))
    .leftJoin(reopener, eq(reopener.id, submissions.reopenedBy))
    .where(and(...cond))
    .orderBy(asc(plans.countryIso3), asc(planPeriods.startDate), asc(planPeriods.code));
}
export type PeriodRow = Awaited<ReturnType<typeof periodRows>>[number];

/** The submission, locked until the transaction ends (transitions and value writes serialise on it). */
export async function lockSubmission(db: DbOrTx, submissionId: number) {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, submissionId)).for('update');
  return row;
}

/** Changes the submission only if it still has the version the caller read; undefined when stale. */
export async function updateSubmissionIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  set: Partial<typeof submissions.$inferInsert>,
) {
  const [row] = await db
    .update(submissions)
    .set({ ...set, version: version + 1 })
    .where(and(eq(submissions.id, id), eq(submissions.version, version)))
    .returning();
  return row;
}

/** Focal points of a country (every sector): whom returned/approved notices go to. */
export async function focalPointsOf(db: DbOrTx, iso3: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'focal_point'),
        eq(roleAssignments.countryIso3, iso3),
        eq(users.active, true),
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * Who wrote the current version of each value of a (country, plan, period): the values of the plan's
 * indicators in the national period with the reporting period's code.
 */
export async function valueAuthorsOf(db: DbOrTx, iso3: string, planId: number, periodCode: string) {
  const rows = await db
    .selectDistinct({ userId: indicatorValues.updatedBy })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicatorValues.indicatorId))
    .where(
      and(
        eq(planIndicators.planId, planId),
        eq(indicatorValues.countryIso3, iso3),
        eq(periods.code, periodCode),
        eq(periods.frameworkCode, `national-${iso3.toLowerCase()}`),
      ),
    );
  return new Set(rows.flatMap((r) => (r.userId === null ? [] : [r.userId])));
}

export interface LockKey {
  countryIso3: string;
  /** The national indicator (plans track national indicators only). */
  indicatorId: number;
  /** The code of the national period, which is the reporting period's code. */
  periodCode: string;
}

/**
 * The submissions of a (country, plan, period) whose plan tracks the indicator: those that can hold
 * a value write. Read FOR SHARE, so a transition (FOR UPDATE on its submission) and a write wait for
 * each other's transaction (submissions/lock.ts).
 */
export async function lockHolders(tx: DbOrTx, k: LockKey) {
  return tx
    .select({
      state: submissions.state,
      submittedAt: submissions.submittedAt,
      approvedAt: submissions.approvedAt,
      submittedBy: users.displayName,
      code: planPeriods.code,
      planTitle: plans.title,
    })
    .from(submissions)
    .innerJoin(planPeriods, eq(planPeriods.id, submissions.planPeriodId))
    .innerJoin(plans, eq(plans.id, planPeriods.planId))
    .innerJoin(
      planIndicators,
      and(eq(planIndicators.planId, plans.id), eq(planIndicators.indicatorId, k.indicatorId)),
    )
    .leftJoin(users, eq(users.id, submissions.submittedBy))
    .where(and(eq(submissions.countryIso3, k.countryIso3), eq(planPeriods.code, k.periodCode)))
    .for('share', { of: submissions });
}
