import { and, eq, inArray } from 'drizzle-orm';
import { fileChannel } from '../../modules/audit/channel';
import { recordAudit } from '../../modules/audit/entity-repository';
import { snapshot } from '../../modules/plans/audit';
import { ensureNationalFramework, insertNationalIndicator } from '../../modules/plans/write-repository';
import type { DbOrTx } from '../client';
import {
  indicators,
  indicatorValues,
  planActivities,
  planIndicators,
  planInterventions,
  planObjectiveBudgets,
  planObjectives,
  plans,
} from '../schema';
import { type JordanPlanData, readJordanPlanFiles } from './jordan-plan-files';
import { removeInventedRows } from './jordan-plan-upgrade';
import { measureTypeOf, resultLevelOf } from './nap-me-mapping';

export { readJordanPlanFiles } from './jordan-plan-files';

type Row = Record<string, unknown>;

export interface JordanLoadResult {
  planId: number;
  created: boolean;
  /** Rows of earlier, invented versions removed (or kept because users reported on them). */
  removed: { activities: number; targets: number; indicators: number; keptIndicators: number };
  /** Operational-plan rows whose intervention is not clearly one of the plan's (see JordanPlanData). */
  unlinked: number;
}

/**
 * Loads Jordan's NAP 2018–2022 from its transcription (jordan/SOURCE.md): objectives with their budgets
 * by year and published implementation rates, strategic interventions, the operational plan's
 * activities (status "not reported": the evaluation published none per activity) and the M&E plan's
 * indicators. Idempotent, and safe on a database that holds an earlier version: rows a user edited
 * (version > 1) keep the user's content, the invented rows of the first versions are removed (audited;
 * see jordan-plan-upgrade.ts), values, periods and submissions are never touched.
 */
export async function loadJordanPlan(
  tx: DbOrTx,
  opts: { data?: JordanPlanData; now?: Date } = {},
): Promise<JordanLoadResult> {
  const d = opts.data ?? (await readJordanPlanFiles());
  const now = opts.now ?? new Date();
  const h = d.header;
  const audit = (type: 'plan' | 'plan_objective' | 'plan_activity' | 'plan_indicator', id: number) => ({
    change: async (action: string, old: Row | null, next: Row | null) =>
      recordAudit(tx, {
        entityType: type,
        entityId: id,
        action,
        countryIso3: h.country,
        planId,
        userId: null,
        at: now,
        channel: fileChannel('import', null),
        old: snapshot(old, planId),
        new: snapshot(next, planId),
      }),
  });

  let [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.countryIso3, h.country), eq(plans.generation, h.generation)));
  const created = !plan;
  if (!plan) {
    [plan] = await tx
      .insert(plans)
      .values({
        countryIso3: h.country,
        title: h.title,
        periodStart: h.periodStart,
        periodEnd: h.periodEnd,
        status: h.status,
        generation: h.generation,
        sourceNote: h.sourceNote,
      })
      .returning();
  }
  if (!plan) throw new Error('Jordan plan: insert returned nothing');
  const planId = plan.id;
  const removed = await removeInventedRows(tx, plan, now);
  if (plan.sourceNote !== h.sourceNote && h.legacySourceNotes.includes(plan.sourceNote ?? '')) {
    const [after] = await tx
      .update(plans)
      .set({ sourceNote: h.sourceNote, version: plan.version + 1, updatedAt: now })
      .where(eq(plans.id, planId))
      .returning();
    await audit('plan', planId).change('update', plan, after ?? null);
  }

  // Objectives: the plan's wording; the published rates and budgets are reference data, always current.
  const storedObjectives = await tx.select().from(planObjectives).where(eq(planObjectives.planId, planId));
  const objectiveId = new Map<number, number>();
  for (const [i, o] of d.objectives.entries()) {
    const wanted = {
      code: o.code,
      title: o.title,
      gapObjective: o.gapObjective,
      budget: o.budget,
      currency: h.currency,
      sortOrder: i + 1,
    };
    const published = {
      publishedRate: o.publishedRate?.rate ?? null,
      publishedRateNote: o.publishedRate?.note ?? null,
      publishedRateSource: o.publishedRate ? h.citations.evaluation : null,
    };
    const current =
      storedObjectives.find((s) => s.code === o.code) ??
      storedObjectives.find((s) => o.legacyCode !== null && s.code === o.legacyCode);
    if (!current) {
      const [row] = await tx
        .insert(planObjectives)
        .values({ planId, ...wanted, ...published })
        .returning({ id: planObjectives.id });
      objectiveId.set(o.number, row?.id as number);
      continue;
    }
    objectiveId.set(o.number, current.id);
    // A legacy objective's title was ours (a short descriptive title, not the plan's): replaced even if
    // edited since; a current one keeps a user's edit.
    const ours = current.version === 1 || current.code === o.legacyCode;
    const patch = { ...(ours ? wanted : {}), ...published };
    if (Object.entries(patch).every(([k, v]) => (current as Row)[k] === v)) continue;
    const [after] = await tx
      .update(planObjectives)
      .set({ ...patch, version: current.version + 1 })
      .where(eq(planObjectives.id, current.id))
      .returning();
    await audit('plan_objective', current.id).change('update', current, after ?? null);
  }
  const ids = [...objectiveId.values()];
  await tx.delete(planObjectiveBudgets).where(inArray(planObjectiveBudgets.objectiveId, ids));
  await tx.insert(planObjectiveBudgets).values(
    d.objectives.flatMap((o) =>
      o.budgetByYear.map((amount, y) => ({
        objectiveId: objectiveId.get(o.number) as number,
        planYear: y + 1,
        amount,
        source: h.citations.budget,
      })),
    ),
  );

  const interventionId = await upsertInterventions(tx, d, objectiveId);
  const activityId = await upsertActivities(tx, d, objectiveId, interventionId, now);
  await upsertMePlan(tx, d, planId, objectiveId, interventionId, activityId);
  return { planId, created, removed, unlinked: d.unlinked.length };
}

async function upsertInterventions(tx: DbOrTx, d: JordanPlanData, objectiveId: Map<number, number>) {
  const stored = await tx
    .select()
    .from(planInterventions)
    .where(inArray(planInterventions.objectiveId, [...objectiveId.values()]));
  const out = new Map<string, number>();
  for (const i of d.interventions) {
    const oid = objectiveId.get(i.objective) as number;
    const wanted = {
      title: i.title,
      strategicObjectiveCode: i.strategicObjective.code,
      strategicObjectiveTitle: i.strategicObjective.title,
      sortOrder: i.sortOrder,
    };
    const current = stored.find((s) => s.objectiveId === oid && s.code === i.code);
    if (!current) {
      const [row] = await tx
        .insert(planInterventions)
        .values({ objectiveId: oid, code: i.code, ...wanted })
        .returning({ id: planInterventions.id });
      out.set(i.code, row?.id as number);
      continue;
    }
    out.set(i.code, current.id);
    if (current.version === 1)
      await tx.update(planInterventions).set(wanted).where(eq(planInterventions.id, current.id));
  }
  return out;
}

async function upsertActivities(
  tx: DbOrTx,
  d: JordanPlanData,
  objectiveId: Map<number, number>,
  interventionId: Map<string, number>,
  now: Date,
) {
  const stored = await tx
    .select()
    .from(planActivities)
    .where(inArray(planActivities.objectiveId, [...objectiveId.values()]));
  const out = new Map<string, number>();
  const fresh: (typeof planActivities.$inferInsert)[] = [];
  for (const a of d.activities) {
    const oid = objectiveId.get(a.objective) as number;
    const wanted = {
      title: a.title,
      timeline: a.timeline,
      leadAgency: a.responsible,
      interventionId: a.interventionCode ? (interventionId.get(a.interventionCode) ?? null) : null,
    };
    const current = stored.find((s) => s.objectiveId === oid && s.code === a.code);
    if (!current) {
      // Its status was never published (the evaluation reports rates by objective only).
      fresh.push({
        objectiveId: oid,
        code: a.code,
        ...wanted,
        implementationStatus: 'not_reported',
        updatedAt: now,
      });
      continue;
    }
    out.set(a.code, current.id);
    // Never edited by a user: follows the transcription. An edited one keeps the user's content.
    if (current.version === 1)
      await tx.update(planActivities).set(wanted).where(eq(planActivities.id, current.id));
  }
  if (fresh.length) {
    const rows = await tx
      .insert(planActivities)
      .values(fresh)
      .returning({ id: planActivities.id, code: planActivities.code });
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

async function hasValues(tx: DbOrTx, indicatorId: number) {
  const [row] = await tx
    .select({ id: indicatorValues.id })
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .limit(1);
  return row !== undefined;
}

async function upsertMePlan(
  tx: DbOrTx,
  d: JordanPlanData,
  planId: number,
  objectiveId: Map<number, number>,
  interventionId: Map<string, number>,
  activityId: Map<string, number>,
) {
  const framework = await ensureNationalFramework(tx, d.header.country);
  const storedIndicators = await tx.select().from(indicators).where(eq(indicators.frameworkCode, framework));
  const storedLinks = await tx.select().from(planIndicators).where(eq(planIndicators.planId, planId));
  const gap = new Map(d.header.objectives.map((o) => [o.number, o.gapObjective]));
  for (const m of d.indicators) {
    const measureType = measureTypeOf(m.calculation);
    const resultLevel = resultLevelOf(m.type);
    const definition = {
      name: m.indicator,
      measureType,
      unit: measureType === 'percentage' ? '%' : null,
      gapObjective: gap.get(m.objective) ?? null,
      resultLevel,
      calculation: m.calculation,
      dataSource: m.dataSource,
      collectionMethod: m.method,
      frequency: m.frequency,
    };
    let indicator = storedIndicators.find((s) => s.code === m.code);
    if (!indicator) {
      const row = await insertNationalIndicator(tx, {
        frameworkCode: framework,
        code: m.code,
        sortOrder: 0,
        ...definition,
      });
      if (!row) throw new Error(`Jordan plan: ${framework} ${m.code} could not be created`);
      indicator = { id: row.id } as typeof indicator & object;
    } else {
      if (indicator.followsIndicatorId !== null)
        throw new Error(`Jordan plan: ${framework} ${m.code} already exists and follows another indicator`);
      // Values already entered keep the measure type they were entered in.
      const keepType = indicator.measureType !== measureType && (await hasValues(tx, indicator.id));
      const { measureType: _m, unit: _u, ...rest } = definition;
      await tx
        .update(indicators)
        .set(keepType ? rest : definition)
        .where(eq(indicators.id, indicator.id));
    }
    const wanted = {
      objectiveId: objectiveId.get(m.objective) as number,
      interventionId: m.interventionCode ? (interventionId.get(m.interventionCode) ?? null) : null,
      activityId: m.activityCode ? (activityId.get(m.activityCode) ?? null) : null,
      planningElementKind: m.kind,
      planningElement: m.element,
      resultLevel,
      typeText: m.type,
      targetText: m.target,
      sortOrder: m.row,
    };
    const current = storedLinks.find((s) => s.indicatorId === indicator.id);
    if (!current) {
      await tx
        .insert(planIndicators)
        .values({ planId, indicatorId: indicator.id, direction: 'increase', ...wanted });
    } else if (current.version === 1) {
      await tx.update(planIndicators).set(wanted).where(eq(planIndicators.id, current.id));
    }
  }
}
