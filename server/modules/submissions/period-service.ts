import { type CreatePlanPeriod, type PeriodKind, type PlanPeriod, periodBounds } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { channelOf } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { forbidden, type Principal, unauthenticated } from '../auth/permissions';
import { planVisibility } from '../plans/access';
import { findPlanRows } from '../plans/repository';
import { ensureNationalFramework } from '../plans/write-repository';
import { mayReadDrafts, readScope } from '../visibility/scope';
import { assertCanManagePeriods } from './access';
import { dayOf, toPlanPeriod } from './mapping';
import { ensureFrameworkPeriod, insertPlanPeriod, insertSubmission, periodRows } from './repository';

async function visiblePlan(ctx: ServiceContext, p: Principal | null, planId: number) {
  const [plan] = await findPlanRows(ctx.db, { id: planId });
  if (!plan || (planVisibility(ctx.policy, p, plan.countryIso3) === 'approved' && plan.status === 'draft'))
    throw new AppError(404, `plan: no plan ${planId}`);
  return plan;
}

export async function listPlanPeriods(ctx: ServiceContext, p: Principal | null, planId: number) {
  const plan = await visiblePlan(ctx, p, planId);
  const today = dayOf(ctx.now());
  const redact = !mayReadDrafts(readScope(ctx.policy, p), plan.countryIso3);
  return { items: (await periodRows(ctx.db, { planId })).map((r) => toPlanPeriod(r, today, { redact })) };
}

/**
 * What only the country's roles, facilitators and administrators may see of a period (its history,
 * its spreadsheet with the values being entered): 403 for anyone else.
 */
export function assertMayReadUnapproved(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
  what: string,
) {
  if (mayReadDrafts(readScope(ctx.policy, p), iso3)) return;
  if (!p) throw unauthenticated();
  throw forbidden(
    `${what}: only ${iso3}'s focal points, validators and viewers, facilitators and administrators may see it`,
  );
}

/** One reporting period, if the caller may see its plan (404 otherwise, like a plan). */
export async function getPlanPeriod(ctx: ServiceContext, p: Principal | null, periodId: number) {
  const [row] = await periodRows(ctx.db, { periodId });
  if (!row) throw new AppError(404, `period: no reporting period ${periodId}`);
  await visiblePlan(ctx, p, row.plan.id);
  return row;
}

/**
 * Inserts a reporting period with its submission (state draft) and the national framework's period of
 * the same code; undefined when the plan already has that period. Callers check permissions and audit.
 */
export async function insertPeriodWithSubmission(
  tx: DbOrTx,
  plan: { id: number; countryIso3: string },
  kind: PeriodKind,
  dueDate: string,
  bounds: ReturnType<typeof periodBounds>,
  now: Date,
  opts: { demo?: boolean } = {},
) {
  const row = await insertPlanPeriod(tx, {
    planId: plan.id,
    kind,
    dueDate,
    demo: opts.demo ?? false,
    ...bounds,
  });
  if (!row) return undefined;
  await insertSubmission(tx, row.id, plan.countryIso3, now);
  const national = await ensureNationalFramework(tx, plan.countryIso3);
  await ensureFrameworkPeriod(tx, { frameworkCode: national, label: bounds.code, ...bounds });
  return row;
}

/**
 * Adds a reporting period to a plan, with its submission (state draft) and, in the country's
 * national framework, the period its national indicators' values are stored in.
 */
export async function createPlanPeriod(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreatePlanPeriod,
): Promise<PlanPeriod> {
  const plan = await visiblePlan(ctx, p, planId);
  assertCanManagePeriods(p, plan.countryIso3);
  if (body.year < plan.periodStart || body.year > plan.periodEnd + 1) {
    throw new AppError(
      400,
      `year: ${body.year} is outside the plan (${plan.periodStart}–${plan.periodEnd}, and the year after)`,
    );
  }
  const bounds = periodBounds(body.kind, body.year, body.quarter);
  if (body.dueDate < bounds.startDate)
    throw new AppError(400, `dueDate: must not be before the period starts (${bounds.startDate})`, {
      issue: 'not_before',
      issueParams: { date: bounds.startDate },
    });
  const now = ctx.now();
  const userId = (p as Principal).userId;
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertPeriodWithSubmission(tx, plan, body.kind, body.dueDate, bounds, now);
    if (!row)
      throw new AppError(409, `code: the plan already has a reporting period ${bounds.code}`, {
        issue: 'already_exists',
        issueParams: { value: bounds.code },
      });
    await recordAudit(tx, {
      entityType: 'plan_period',
      entityId: row.id,
      action: 'create',
      countryIso3: plan.countryIso3,
      userId,
      at: now,
      channel: channelOf(p),
      old: null,
      new: { planId, kind: body.kind, dueDate: body.dueDate, ...bounds },
    });
    return row.id;
  });
  const [created] = await periodRows(ctx.db, { periodId: id });
  return toPlanPeriod(created as NonNullable<typeof created>, dayOf(now));
}
