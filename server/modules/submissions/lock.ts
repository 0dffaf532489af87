import { and, eq } from 'drizzle-orm';
import { matchFrameworkPeriod } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { planIndicators, planPeriods, plans, submissions, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { listPeriods } from '../frameworks/repository';

export interface LockKey {
  countryIso3: string;
  indicatorId: number;
  frameworkCode: string;
  periodId: number;
}

/**
 * Refuses (409, naming the lock) a value write that falls in an approved (country, plan, period).
 * The submissions that cover the value are read FOR SHARE, so an approval waits for the write's
 * transaction and a write waits for an approval's: never an approved period with a later change.
 */
export async function assertValueWritable(tx: DbOrTx, k: LockKey): Promise<void> {
  const candidates = await tx
    .select({
      state: submissions.state,
      approvedAt: submissions.approvedAt,
      approvedBy: users.displayName,
      code: planPeriods.code,
      startDate: planPeriods.startDate,
      endDate: planPeriods.endDate,
      planTitle: plans.title,
    })
    .from(submissions)
    .innerJoin(planPeriods, eq(planPeriods.id, submissions.planPeriodId))
    .innerJoin(plans, eq(plans.id, planPeriods.planId))
    .innerJoin(planIndicators, eq(planIndicators.planId, planPeriods.planId))
    .leftJoin(users, eq(users.id, submissions.approvedBy))
    .where(and(eq(submissions.countryIso3, k.countryIso3), eq(planIndicators.indicatorId, k.indicatorId)))
    .for('share', { of: submissions });
  if (candidates.length === 0) return;
  const frameworkPeriods = await listPeriods(tx, k.frameworkCode);
  for (const c of candidates) {
    if (c.state !== 'approved') continue;
    if (matchFrameworkPeriod(c, frameworkPeriods)?.id !== k.periodId) continue;
    const who = c.approvedBy ? ` by ${c.approvedBy}` : '';
    const when = c.approvedAt ? ` on ${c.approvedAt.toISOString().slice(0, 10)}` : '';
    throw new AppError(
      409,
      `lock: ${k.countryIso3} ${c.code} of "${c.planTitle}" was approved${who}${when}; ` +
        'its values cannot change until a validator reopens it',
    );
  }
}
