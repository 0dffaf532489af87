import { and, between, count, eq } from 'drizzle-orm';
import {
  type CreatePlanIndicator,
  type Indicator,
  isChoiceMeasure,
  type Plan,
  type TargetInput,
  type UpdatePlanIndicator,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, planIndicators } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { indicatorById, listIndicators } from '../frameworks/repository';
import { getIndicator } from '../frameworks/service';
import { auditPlanChange } from './audit';
import { editablePlan, objectiveIn, planIndicatorIn, reloadPlan, stale } from './plan-read-service';
import { targetsOf } from './repository';
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

type Amount = { value?: number | null | undefined; level?: string | null | undefined };
type Measured = Pick<Indicator, 'code' | 'measureType'>;

/** A baseline or target must be of the indicator's kind: a level for A–E indicators, a number otherwise. */
function checkAmount(field: string, indicator: Measured, a: Amount) {
  const t = indicator.measureType;
  if (t === 'text')
    throw new AppError(
      400,
      `${field}: indicator ${indicator.code} is a text milestone: no numeric ${field.startsWith('baseline') ? 'baseline' : 'target'} (word its target in targetText)`,
    );
  if (t === 'level' && a.level == null)
    throw new AppError(400, `${field}.level: indicator ${indicator.code} is measured in levels A–E`, {
      issue: 'required',
    });
  if (t !== 'level' && a.value == null)
    throw new AppError(400, `${field}.value: indicator ${indicator.code} is measured as ${t}, give a value`, {
      issue: 'required',
    });
  if (t === 'percentage' && a.value != null && (a.value < 0 || a.value > 100))
    throw new AppError(400, `${field}.value: a percentage is between 0 and 100`, {
      issue: 'too_big',
      issueParams: { min: 0, max: 100, kind: 'percentage' },
    });
  // The same natural bounds as the values (shared/api/values.ts ValueInputSchema).
  if (t === 'count' && a.value != null && (a.value < 0 || !Number.isInteger(a.value)))
    throw new AppError(400, `${field}.value: a count is a whole number, 0 or more`, {
      issue: 'not_whole',
      issueParams: { min: 0 },
    });
  if (t === 'ratio' && a.value != null && a.value < 0)
    throw new AppError(400, `${field}.value: a ratio of counts is not negative`, {
      issue: 'too_small',
      issueParams: { min: 0, inclusive: true },
    });
  if (t === 'yes_no' && a.value != null && a.value !== 0 && a.value !== 1)
    throw new AppError(400, `${field}.value: a yes/no indicator takes 1 (yes) or 0 (no)`, {
      issue: 'invalid_option',
      issueParams: { values: '1, 0' },
    });
}

const targetRows = (indicator: Measured, targets: TargetInput[]) =>
  targets.map((t, i) => {
    checkAmount(`targets.${i}`, indicator, t);
    return { year: t.year, value: t.value ?? null, level: t.level ?? null };
  });

const baselineColumns = (indicator: Measured, b: CreatePlanIndicator['baseline']) => {
  if (!b) return { baselineValue: null, baselineLevel: null, baselineYear: null, baselineSource: null };
  checkAmount('baseline', indicator, b);
  return {
    baselineValue: b.value ?? null,
    baselineLevel: b.level ?? null,
    baselineYear: b.year,
    baselineSource: b.source ?? null,
  };
};

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
  const [ind] = await db
    .select({ framework: indicators.frameworkCode, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.id, row.indicatorId));
  const targets = (await targetsOf(db, [planIndicatorId])).map((t) => ({
    year: t.year,
    value: t.value,
    level: t.level,
  }));
  return { ...row, indicator: ind ? `${ind.framework} ${ind.code}` : null, targets };
}

async function assertObjective(db: DbOrTx, planId: number, objectiveId: number | null | undefined) {
  if (objectiveId != null && !(await objectiveIn(db, planId, objectiveId)))
    throw new AppError(400, `objectiveId: no objective ${objectiveId} in plan ${planId}`, {
      issue: 'unknown_reference',
    });
}

export async function createPlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  body: CreatePlanIndicator,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    await assertObjective(tx, planId, body.objectiveId);
    const indicator = await resolveIndicator(tx, plan.countryIso3, body.indicator);
    const [clash] = await tx
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .where(and(eq(planIndicators.planId, planId), eq(planIndicators.indicatorId, indicator.id)));
    if (clash)
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
    const entity = { type: 'plan_indicator', id, action: 'create' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, null, await indicatorState(tx, planId, id));
  });
  return reloadPlan(ctx, planId, p);
}

async function measuredOf(db: DbOrTx, indicatorId: number): Promise<Measured> {
  const [r] = await db.query.indicators.findMany({ where: (i, { eq: e }) => e(i.id, indicatorId), limit: 1 });
  if (!r) throw new AppError(404, `indicator: no indicator ${indicatorId}`);
  return { code: r.code, measureType: r.measureType as Indicator['measureType'] };
}

export async function updatePlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  body: UpdatePlanIndicator,
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await indicatorState(tx, planId, planIndicatorId);
    if (!current)
      throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in plan ${planId}`);
    await assertObjective(tx, planId, body.objectiveId);
    const { version, baseline, rules, ...rest } = body;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (baseline !== undefined)
      Object.assign(patch, baselineColumns(await measuredOf(tx, current.indicatorId), baseline));
    if (rules !== undefined)
      Object.assign(patch, ruleColumns(await measuredOf(tx, current.indicatorId), rules));
    const row = await updatePlanIndicatorIfVersion(tx, planIndicatorId, version, patch);
    if (!row) throw stale('plan indicator', version, current.version);
    const entity = { type: 'plan_indicator', id: planIndicatorId, action: 'update' } as const;
    await auditPlanChange(
      tx,
      ctx,
      p,
      plan,
      entity,
      current,
      await indicatorState(tx, planId, planIndicatorId),
    );
  });
  return reloadPlan(ctx, planId, p);
}

/** Replaces the indicator's targets with the given list, all at once (and bumps its version). */
export async function putTargets(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  body: { targets: TargetInput[]; version: number },
): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await indicatorState(tx, planId, planIndicatorId);
    if (!current)
      throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in plan ${planId}`);
    const rows = targetRows(await measuredOf(tx, current.indicatorId), body.targets);
    if (!(await updatePlanIndicatorIfVersion(tx, planIndicatorId, body.version, {})))
      throw stale('plan indicator', body.version, current.version);
    await replaceTargets(tx, planIndicatorId, rows);
    const entity = { type: 'plan_indicator', id: planIndicatorId, action: 'targets' } as const;
    await auditPlanChange(
      tx,
      ctx,
      p,
      plan,
      entity,
      current,
      await indicatorState(tx, planId, planIndicatorId),
    );
  });
  return reloadPlan(ctx, planId, p);
}

export async function deletePlanIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  planId: number,
  planIndicatorId: number,
  version: number,
) {
  await ctx.db.transaction(async (tx) => {
    const plan = await editablePlan(tx, p, planId);
    const current = await indicatorState(tx, planId, planIndicatorId);
    if (!current)
      throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in plan ${planId}`);
    await assertNoValuesInPlan(tx, plan, current);
    if (!(await deletePlanIndicatorIfVersion(tx, planIndicatorId, version)))
      throw stale('plan indicator', version, current.version);
    const entity = { type: 'plan_indicator', id: planIndicatorId, action: 'delete' } as const;
    await auditPlanChange(tx, ctx, p, plan, entity, current, null);
  });
  return reloadPlan(ctx, planId, p);
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
  const [row] = await db
    .select({ n: count() })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(
      and(
        eq(indicatorValues.countryIso3, plan.countryIso3),
        eq(indicatorValues.indicatorId, pi.indicatorId),
        between(periods.endDate, `${plan.periodStart}-01-01`, `${plan.periodEnd + 1}-12-31`),
      ),
    );
  const n = Number(row?.n ?? 0);
  if (n > 0)
    throw new AppError(
      409,
      `planIndicator: ${plan.countryIso3} has ${n} value${n === 1 ? '' : 's'} of ${pi.indicator} in ${plan.periodStart}–${plan.periodEnd + 1}; an indicator with values cannot be removed from the plan`,
    );
}
