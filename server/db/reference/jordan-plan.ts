import { and, eq, inArray } from 'drizzle-orm';
import { fileChannel } from '../../modules/audit/channel';
import { recordAudit } from '../../modules/audit/entity-repository';
import { snapshot } from '../../modules/plans/audit';
import type { DbOrTx } from '../client';
import { planObjectiveBudgets, planObjectives, plans } from '../schema';
import type { JordanPlanData } from './jordan-plan-data';
import { upsertActivities, upsertInterventions } from './jordan-plan-elements';
import { readJordanPlanFiles } from './jordan-plan-files';
import { upsertMePlan } from './jordan-plan-indicators';
import { removeInventedRows } from './jordan-plan-upgrade';

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
