import type { Plan, PlanIndicatorValue } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import type { ReadScope } from '../visibility/scope';
import { readScope } from '../visibility/scope';
import { assertCanEditPlan, planVisibility } from './access';
import { assemblePlan } from './assemble';
import {
  activitiesOf,
  findPlanRows,
  interventionsOf,
  objectiveBudgetsOf,
  objectivesOf,
  type PlanRow,
  planIndicatorsOf,
  reportedValues,
  targetsOf,
  trackedValues,
} from './repository';

async function loadPlans(db: DbOrTx, scope: ReadScope, rows: PlanRow[]): Promise<Plan[]> {
  const planIds = rows.map((p) => p.id);
  const objectives = await objectivesOf(db, planIds);
  const objectiveIds = objectives.map((o) => o.id);
  const activities = await activitiesOf(db, objectiveIds);
  const interventions = await interventionsOf(db, objectiveIds);
  const budgets = await objectiveBudgetsOf(db, objectiveIds);
  const indicators = await planIndicatorsOf(db, planIds);
  const targets = await targetsOf(
    db,
    indicators.map((i) => i.row.id),
  );
  const out: Plan[] = [];
  for (const plan of rows) {
    const ids = indicators.filter((i) => i.row.planId === plan.id).map((i) => i.indicator.id);
    const values = await reportedValues(db, scope, [plan.countryIso3], ids);
    out.push(
      assemblePlan({ plan, objectives, budgets, interventions, activities, indicators, targets, values }),
    );
  }
  return out;
}

/** A country's plans the caller may see, newest first, with objectives, activities, indicators and progress. */
export async function listCountryPlans(ctx: ServiceContext, p: Principal | null, iso3: string) {
  if (!(await findCountry(ctx.db, iso3)))
    throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  const visibility = planVisibility(ctx.policy, p, iso3);
  const rows = await findPlanRows(ctx.db, { iso3, approvedOnly: visibility === 'approved' });
  return { items: await loadPlans(ctx.db, readScope(ctx.policy, p), rows) };
}

export async function getPlan(ctx: ServiceContext, p: Principal | null, planId: number): Promise<Plan> {
  const [row] = await findPlanRows(ctx.db, { id: planId });
  // A draft the caller may not see is answered like a plan that does not exist.
  if (!row || (planVisibility(ctx.policy, p, row.countryIso3) === 'approved' && row.status === 'draft')) {
    throw new AppError(404, `plan: no plan ${planId}`);
  }
  const [plan] = await loadPlans(ctx.db, readScope(ctx.policy, p), [row]);
  return plan as Plan;
}

/** The plan, after checking the caller may edit it (404 when it does not exist, 401/403 otherwise). */
export async function editablePlan(db: DbOrTx, p: Principal | null, planId: number): Promise<PlanRow> {
  const [row] = await findPlanRows(db, { id: planId });
  if (!row) throw new AppError(404, `plan: no plan ${planId}`);
  assertCanEditPlan(p, row.countryIso3);
  return row;
}

/**
 * Reloads the plan after a write (outside the write's transaction, after it committed), as its editor
 * sees it (editors hold a role in the country, or are administrators: drafts included).
 */
export async function reloadPlan(ctx: ServiceContext, planId: number, p: Principal | null): Promise<Plan> {
  const rows = await findPlanRows(ctx.db, { id: planId });
  const [plan] = await loadPlans(ctx.db, readScope(ctx.policy, p), rows);
  if (!plan) throw new AppError(404, `plan: no plan ${planId}`);
  return plan;
}

export const stale = (what: string, sent: number, current: number) =>
  new AppError(409, `version: stale (you sent ${sent}, the ${what} is at ${current}); reload it`);

/**
 * The values behind one plan indicator's progress, as the plan page charts them: the country's reports
 * the caller may see and the published answers to the question it follows (trackedValues).
 */
export async function planIndicatorValues(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
): Promise<{ items: PlanIndicatorValue[] }> {
  const plan = await getPlan(ctx, p, planId);
  const pi = plan.indicators.find((i) => i.id === planIndicatorId);
  if (!pi) throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in plan ${planId}`);
  const rows = await trackedValues(ctx.db, readScope(ctx.policy, p), [plan.countryIso3], [pi.indicator.id]);
  return {
    items: rows.map((r) => ({
      periodCode: r.periodCode,
      year: Number(r.endDate.slice(0, 4)),
      status: r.status,
      level: r.level as PlanIndicatorValue['level'],
      numericValue: r.numericValue,
      source: r.source,
      sourceName: r.sourceName,
    })),
  };
}
