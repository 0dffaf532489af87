import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { planActivities, planInterventions } from '../schema';
import type { JordanPlanData } from './jordan-plan-data';

/*
 * Jordan's NAP: the strategic interventions and the operational plan's activities (loadJordanPlan in
 * jordan-plan.ts). A row no user has edited (version 1) follows the transcription; an edited one keeps
 * the user's content.
 */

export async function upsertInterventions(tx: DbOrTx, d: JordanPlanData, objectiveId: Map<number, number>) {
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

export async function upsertActivities(
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
