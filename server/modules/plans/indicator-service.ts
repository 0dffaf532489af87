import {
  type CreatePlanIndicator,
  type Indicator,
  isChoiceMeasure,
  type Plan,
  type TargetInput,
  type UpdatePlanIndicator,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { indicatorById, listIndicators } from '../frameworks/repository';
import { getIndicator } from '../frameworks/service';
import { indicatorIdentity, planIndicatorIn, planIndicatorOf } from './element-repository';
import { assertObjectiveOfPlan } from './element-rules';
import { changeElement, createElement, type PlanElement } from './element-write';
import { baselineColumns, type Measured, targetRows } from './indicator-amounts';
import { targetsOf, valueCountInPlan } from './repository';
import { ruleColumns } from './rules';
import {
  deletePlanIndicatorIfVersion,
  ensureFollowingIndicator,
  ensureNationalFramework,
  insertNationalIndicator,
  insertPlanIndicator,
  replaceTargets,
  updatePlanIndicatorIfVersion,
} from './write-repository';

async function resolveIndicator(
  db: DbOrTx,
  iso3: string,
  ref: CreatePlanIndicator['indicator'],
): Promise<Indicator> {
  if (ref.kind === 'framework') {
    // Another framework's question is tracked through the country's own indicator following it.
    const source = await getIndicator(db, ref.framework, ref.code);
    // Entry grids and period sheets take no options yet (docs/decisions/choice-questions.md).
    if (isChoiceMeasure(source.measureType))
      throw new AppError(
        400,
        `indicator.code: ${ref.framework} ${ref.code} is a ${source.measureType.replace('_', '-')} question; a plan cannot track it yet`,
      );
    const id = await ensureFollowingIndicator(db, iso3, source.id);
    return (await indicatorById(db, id)) as Indicator;
  }
  const frameworkCode = await ensureNationalFramework(db, iso3);
  const row = await insertNationalIndicator(db, {
    frameworkCode,
    code: ref.code,
    sortOrder: 0,
    name: ref.name,
    definition: ref.definition ?? null,
    measureType: ref.measureType,
    unit: ref.unit ?? null,
  });
  if (!row)
    throw new AppError(
      409,
      `indicator.code: ${iso3} already has a national indicator ${ref.code}; refer to it by framework ${frameworkCode}`,
    );
  const [created] = await listIndicators(db, frameworkCode, { code: ref.code });
  return created as Indicator;
}

/** A plan indicator as the audit keeps it: its row, the indicator's code and its targets. */
async function indicatorState(db: DbOrTx, planId: number, planIndicatorId: number) {
  const row = await planIndicatorIn(db, planId, planIndicatorId);
  if (!row) return null;
  const ind = await indicatorIdentity(db, row.indicatorId);
  const targets = (await targetsOf(db, [planIndicatorId])).map((t) => ({
    year: t.year,
    value: t.value,
    level: t.level,
  }));
  return { ...row, indicator: ind ? `${ind.framework} ${ind.code}` : null, targets };
}

const PLAN_INDICATOR: PlanElement<NonNullable<Awaited<ReturnType<typeof indicatorState>>>> = {
  audit: 'plan_indicator',
  field: 'planIndicator',
  name: 'plan indicator',
  read: indicatorState,
};

export function createPlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreatePlanIndicator,
): Promise<Plan> {
  return createElement(ctx, p, planId, PLAN_INDICATOR, async (tx, plan) => {
    await assertObjectiveOfPlan(tx, planId, body.objectiveId);
    const indicator = await resolveIndicator(tx, plan.countryIso3, body.indicator);
    if (await planIndicatorOf(tx, planId, indicator.id))
      throw new AppError(
        409,
        `indicator: the plan already tracks ${indicator.frameworkCode} ${indicator.code}`,
      );
    const row = await insertPlanIndicator(tx, {
      planId,
      objectiveId: body.objectiveId ?? null,
      indicatorId: indicator.id,
      ...baselineColumns(indicator, body.baseline),
      direction: body.direction,
      resultLevel: body.resultLevel ?? null,
      sortOrder: body.sortOrder ?? 0,
      targetText: body.targetText ?? null,
      ...ruleColumns(indicator, body.rules ?? null),
    });
    const id = row?.id as number;
    if (body.targets) await replaceTargets(tx, id, targetRows(indicator, body.targets));
    return id;
  });
}

async function measuredOf(db: DbOrTx, indicatorId: number): Promise<Measured> {
  const r = await indicatorIdentity(db, indicatorId);
  if (!r) throw new AppError(404, `indicator: no indicator ${indicatorId}`);
  return { code: r.code, measureType: r.measureType as Indicator['measureType'] };
}

export function updatePlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  body: UpdatePlanIndicator,
): Promise<Plan> {
  const { version, baseline, rules, ...rest } = body;
  const change = { id: planIndicatorId, version, action: 'update' } as const;
  return changeElement(ctx, p, planId, PLAN_INDICATOR, change, async (tx, current) => {
    await assertObjectiveOfPlan(tx, planId, body.objectiveId);
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (baseline !== undefined)
      Object.assign(patch, baselineColumns(await measuredOf(tx, current.indicatorId), baseline));
    if (rules !== undefined)
      Object.assign(patch, ruleColumns(await measuredOf(tx, current.indicatorId), rules));
    return updatePlanIndicatorIfVersion(tx, planIndicatorId, version, patch);
  });
}

/** Replaces the indicator's targets with the given list, all at once (and bumps its version). */
export function putTargets(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  body: { targets: TargetInput[]; version: number },
): Promise<Plan> {
  const change = { id: planIndicatorId, version: body.version, action: 'targets' } as const;
  return changeElement(ctx, p, planId, PLAN_INDICATOR, change, async (tx, current) => {
    const rows = targetRows(await measuredOf(tx, current.indicatorId), body.targets);
    if (!(await updatePlanIndicatorIfVersion(tx, planIndicatorId, body.version, {}))) return null;
    await replaceTargets(tx, planIndicatorId, rows);
    return true;
  });
}

export function deletePlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  version: number,
) {
  const change = { id: planIndicatorId, version, action: 'delete' } as const;
  return changeElement(ctx, p, planId, PLAN_INDICATOR, change, async (tx, current, plan) => {
    await assertNoValuesInPlan(tx, plan, current);
    return deletePlanIndicatorIfVersion(tx, planIndicatorId, version);
  });
}

/**
 * Values the country reported for the indicator during the plan (its years and the year after) would
 * be left out of every view of the plan: such an indicator stays (never lose data).
 */
async function assertNoValuesInPlan(
  db: DbOrTx,
  plan: { countryIso3: string; periodStart: number; periodEnd: number },
  pi: { indicatorId: number; indicator: string | null },
) {
  const n = await valueCountInPlan(db, plan, pi.indicatorId);
  if (n > 0)
    throw new AppError(
      409,
      `planIndicator: ${plan.countryIso3} has ${n} value${n === 1 ? '' : 's'} of ${pi.indicator} in ${plan.periodStart}–${plan.periodEnd + 1}; an indicator with values cannot be removed from the plan`,
    );
}
