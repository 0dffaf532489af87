import { type PlanPeriod, TRANSITION_RULES, type Transition } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { channelOf } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { assertFourEyes, type Principal } from '../auth/permissions';
import { assertCanSubmit, assertCanValidate } from './access';
import { dayOf, submissionSnapshot, toPlanPeriod } from './mapping';
import { notify } from './notification-repository';
import { getPlanPeriod } from './period-service';
import {
  focalPointsOf,
  lockSubmission,
  type PeriodRow,
  periodRows,
  type SubmissionRow,
  updateSubmissionIfVersion,
  valueAuthorsOf,
} from './repository';
import { assertRulesMet } from './rules-check';

/** What a transition writes to the submission row. */
type Changes = Parameters<typeof updateSubmissionIfVersion>[3];

/** The columns a transition sets: who and when for its step, the reason where one is required. */
function changesOf(t: Transition, userId: number, at: Date, reason: string | undefined): Changes {
  const to = TRANSITION_RULES[t].to;
  switch (t) {
    case 'submit':
      return { state: to, submittedBy: userId, submittedAt: at, updatedAt: at };
    case 'approve':
      return { state: to, approvedBy: userId, approvedAt: at, updatedAt: at };
    case 'return':
      return { state: to, reason: reason ?? null, returnedBy: userId, returnedAt: at, updatedAt: at };
    case 'reopen':
      return { state: to, reason: reason ?? null, reopenedBy: userId, reopenedAt: at, updatedAt: at };
  }
}

/**
 * Does the approver approve their own data? Says how ("submitted this period", "last changed one of
 * its values"), or false.
 */
async function approvesOwnData(
  tx: Parameters<typeof valueAuthorsOf>[0],
  current: SubmissionRow,
  row: PeriodRow,
  userId: number,
): Promise<string | false> {
  if (current.submittedBy === userId) return 'submitted this period';
  const authors = await valueAuthorsOf(tx, row.plan.countryIso3, row.plan.id, row.period.code);
  return authors.has(userId) ? 'last changed one of its values' : false;
}

/**
 * Moves a (country, plan, period) through the workflow, in one transaction: the submission row is
 * locked, its version and state checked, the change audited (old → new) and, on return,
 * approval or reopening, every focal point of the country notified. The approval names the submission version it
 * approves (the version the validator read); values are locked from submission on, so it approves
 * exactly what was submitted. Four eyes: who submitted or last changed a value may not approve. Submitting is the focal points'; approving,
 * returning (reason required) and reopening (reason required) the validators'.
 */
export async function transition(
  ctx: ServiceContext,
  p: Principal | null,
  periodId: number,
  t: Transition,
  body: { version: number; reason?: string },
): Promise<PlanPeriod> {
  const row = await getPlanPeriod(ctx, p, periodId);
  const iso3 = row.plan.countryIso3;
  if (t === 'submit') assertCanSubmit(p, iso3);
  else assertCanValidate(p, iso3);
  const user = p as Principal;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockSubmission(tx, row.submission.id);
    if (!current) throw new AppError(404, `period: no reporting period ${periodId}`);
    if (current.version !== body.version) {
      throw new AppError(
        409,
        `version: stale (you sent ${body.version}, the submission is at ${current.version}, now ${current.state}); reload it`,
        { current: { state: current.state, version: current.version, reason: current.reason } },
      );
    }
    const rule = TRANSITION_RULES[t];
    if (!rule.from.includes(current.state as never)) {
      throw new AppError(
        409,
        `state: the submission is ${current.state}; ${t} needs it ${rule.from.join(' or ')}`,
        { current: { state: current.state, version: current.version, reason: current.reason } },
      );
    }
    // Values are locked with the submission row (writes read it FOR SHARE): the rules see what is submitted.
    if (t === 'submit') await assertRulesMet(tx, row);
    const self = t === 'approve' ? await approvesOwnData(tx, current, row, user.userId) : false;
    assertFourEyes(ctx.policy, self);
    const updated = await updateSubmissionIfVersion(
      tx,
      current.id,
      current.version,
      changesOf(t, user.userId, now, body.reason),
    );
    if (!updated) throw new AppError(409, 'version: the submission changed meanwhile; reload it');
    await recordAudit(tx, {
      entityType: 'submission',
      entityId: current.id,
      action: t,
      countryIso3: iso3,
      userId: user.userId,
      at: now,
      channel: channelOf(user),
      old: submissionSnapshot(current),
      new:
        t === 'approve'
          ? { ...submissionSnapshot(updated), fourEyes: ctx.policy.fourEyes !== false, selfApproved: !!self }
          : submissionSnapshot(updated),
    });
    if (t !== 'submit') {
      await notify(tx, await focalPointsOf(tx, iso3), {
        code: t === 'approve' ? 'period_approved' : t === 'return' ? 'period_returned' : 'period_reopened',
        params: {
          country: iso3,
          countryName: row.countryName,
          period: row.period.code,
          plan: row.plan.title,
          actor: user.displayName,
          reason: t === 'approve' ? null : (body.reason ?? null),
        },
        submissionId: current.id,
        at: now,
      });
    }
  });
  const [after] = await periodRows(ctx.db, { periodId });
  return toPlanPeriod(after as NonNullable<typeof after>, dayOf(now));
}
