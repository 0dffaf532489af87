import { and, eq, inArray } from 'drizzle-orm';
import { fileChannel } from '../../modules/audit/channel';
import { recordAudit } from '../../modules/audit/entity-repository';
import { snapshot } from '../../modules/plans/audit';
import { valueCountInPlan } from '../../modules/plans/repository';
import type { DbOrTx } from '../client';
import {
  indicators,
  planActivities,
  planIndicators,
  planObjectives,
  type plans,
  planTargets,
  translations,
} from '../schema';

type PlanRow = typeof plans.$inferSelect;

/**
 * The first versions shipped Jordan's plan with invented rows, flagged `illustrative`: 23 activities
 * with statuses chosen to reproduce the published rates, and two TrACSS-following indicators with
 * invented targets. No API sets the flag, so in Jordan's shipped plan every flagged row is one of
 * those. They go, each deletion audited with the whole row (as a user's deletion is):
 * - the flagged activities, with the translations of their invented titles;
 * - the flagged targets;
 * - the flagged plan indicators, unless the country reported values on them during the plan's years
 *   (and the year after, the rule a user's deletion follows): then the indicator stays, holding those
 *   values, without its invented targets and no longer flagged (it is what the country reports on).
 * Values, reporting periods and submissions are never touched.
 */
export async function removeInventedRows(tx: DbOrTx, plan: PlanRow, now: Date) {
  const out = { activities: 0, targets: 0, indicators: 0, keptIndicators: 0 };
  const audit = (
    entityType: 'plan_activity' | 'plan_indicator',
    entityId: number,
    action: string,
    old: unknown,
    next: unknown,
  ) =>
    recordAudit(tx, {
      entityType,
      entityId,
      action,
      countryIso3: plan.countryIso3,
      planId: plan.id,
      userId: null,
      at: now,
      channel: fileChannel('import', null),
      old: snapshot(old as Record<string, unknown> | null, plan.id),
      new: snapshot(next as Record<string, unknown> | null, plan.id),
    });

  const activities = await tx
    .select({ activity: planActivities })
    .from(planActivities)
    .innerJoin(planObjectives, eq(planObjectives.id, planActivities.objectiveId))
    .where(and(eq(planObjectives.planId, plan.id), eq(planActivities.illustrative, true)));
  if (activities.length) {
    const ids = activities.map((a) => a.activity.id);
    await tx
      .delete(translations)
      .where(and(eq(translations.entityType, 'activity'), inArray(translations.entityId, ids)));
    await tx.delete(planActivities).where(inArray(planActivities.id, ids));
    for (const { activity } of activities)
      await audit('plan_activity', activity.id, 'delete', activity, null);
    out.activities = activities.length;
  }

  const links = await tx.select().from(planIndicators).where(eq(planIndicators.planId, plan.id));
  for (const link of links) {
    const targets = await tx.select().from(planTargets).where(eq(planTargets.planIndicatorId, link.id));
    const invented = targets.filter((t) => t.illustrative);
    if (!link.illustrative && invented.length === 0) continue;
    const [ind] = await tx
      .select({ framework: indicators.frameworkCode, code: indicators.code })
      .from(indicators)
      .where(eq(indicators.id, link.indicatorId));
    const state = (ts: typeof targets, row = link) => ({
      ...row,
      indicator: ind ? `${ind.framework} ${ind.code}` : null,
      targets: ts.map((t) => ({ year: t.year, value: t.value, level: t.level })),
    });
    const kept = targets.filter((t) => !t.illustrative);
    if (invented.length) {
      await tx.delete(planTargets).where(
        inArray(
          planTargets.id,
          invented.map((t) => t.id),
        ),
      );
      out.targets += invented.length;
    }
    if (!link.illustrative) {
      await audit('plan_indicator', link.id, 'targets', state(targets), state(kept));
      continue;
    }
    if ((await valueCountInPlan(tx, plan, link.indicatorId)) > 0) {
      const [after] = await tx
        .update(planIndicators)
        .set({ illustrative: false, version: link.version + 1 })
        .where(eq(planIndicators.id, link.id))
        .returning();
      await audit('plan_indicator', link.id, 'update', state(targets), state(kept, after ?? link));
      out.keptIndicators += 1;
      continue;
    }
    await tx.delete(planIndicators).where(eq(planIndicators.id, link.id));
    await audit('plan_indicator', link.id, 'delete', state(targets), null);
    out.indicators += 1;
  }
  return out;
}
