import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  DirectionSchema,
  GapObjectiveSchema,
  ImplementationStatusSchema,
  Iso3Schema,
  LevelSchema,
  PlanStatusSchema,
  ResultLevelSchema,
  SectorSchema,
} from '../../../shared';
import { parseInput } from '../../lib/errors';
import { ensureFollowingIndicator } from '../../modules/plans/write-repository';
import type { DbOrTx } from '../client';
import { indicators, planActivities, planIndicators, planObjectives, plans, planTargets } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

export const JORDAN_NAP_2018_2022 = path.join(REFERENCE_DATA_DIR, 'jordan/nap_2018_2022.json');

/** The shipped file's shape (see jordan/SOURCE.md): published figures, illustrative activities and targets. */
const CaseStudyPlanSchema = z.object({
  country: Iso3Schema,
  generation: z.number().int(),
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatusSchema,
  sourceNote: z.string(),
  objectives: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      gapObjective: GapObjectiveSchema,
      budget: z.number(),
      publishedImplementationRate: z.number(),
      activities: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          sectors: z.array(SectorSchema),
          status: ImplementationStatusSchema,
          percentComplete: z.number().int().min(0).max(100).optional(),
        }),
      ),
    }),
  ),
  indicators: z.array(
    z.object({
      objective: z.string(),
      framework: z.string(),
      code: z.string(),
      direction: DirectionSchema,
      resultLevel: ResultLevelSchema,
      illustrativeTargets: z.array(z.object({ year: z.number().int(), level: LevelSchema })),
    }),
  ),
});
export type CaseStudyPlan = z.infer<typeof CaseStudyPlanSchema>;

export async function readJordanPlan(file = JORDAN_NAP_2018_2022): Promise<CaseStudyPlan> {
  return parseInput(CaseStudyPlanSchema, JSON.parse(await readFile(file, 'utf8')));
}

/** Loads Jordan's NAP 2018–2022 once (skipped when Jordan already has a plan of that generation). */
export async function loadJordanPlan(tx: DbOrTx, data?: CaseStudyPlan) {
  const p = data ?? (await readJordanPlan());
  const [exists] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.countryIso3, p.country), eq(plans.generation, p.generation)));
  if (exists) return false;
  const [plan] = await tx
    .insert(plans)
    .values({
      countryIso3: p.country,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      status: p.status,
      generation: p.generation,
      sourceNote: p.sourceNote,
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error('Jordan plan: insert returned nothing');
  const objectiveIds = new Map<string, number>();
  for (const [i, o] of p.objectives.entries()) {
    const [row] = await tx
      .insert(planObjectives)
      .values({
        planId: plan.id,
        code: o.code,
        title: o.title,
        gapObjective: o.gapObjective,
        budget: o.budget,
        currency: 'USD',
        sortOrder: i + 1,
      })
      .returning({ id: planObjectives.id });
    if (!row) throw new Error(`Jordan plan: objective ${o.code} not inserted`);
    objectiveIds.set(o.code, row.id);
    if (o.activities.length === 0) continue;
    await tx.insert(planActivities).values(
      o.activities.map((a) => ({
        objectiveId: row.id,
        code: a.code,
        title: a.title,
        sectors: a.sectors,
        implementationStatus: a.status,
        percentComplete:
          a.percentComplete ?? (a.status === 'completed' ? 100 : a.status === 'not_started' ? 0 : null),
        illustrative: true,
      })),
    );
  }
  for (const [i, ind] of p.indicators.entries()) {
    const [indicator] = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.frameworkCode, ind.framework), eq(indicators.code, ind.code)));
    if (!indicator) throw new Error(`Jordan plan: no indicator ${ind.code} in ${ind.framework}`);
    // The plan follows the TrACSS question through Jordan's own indicator: its reports stay national data.
    const following = await ensureFollowingIndicator(tx, p.country, indicator.id);
    const [row] = await tx
      .insert(planIndicators)
      .values({
        planId: plan.id,
        objectiveId: objectiveIds.get(ind.objective) ?? null,
        indicatorId: following,
        direction: ind.direction,
        resultLevel: ind.resultLevel,
        sortOrder: i + 1,
        illustrative: true,
      })
      .returning({ id: planIndicators.id });
    if (!row) throw new Error(`Jordan plan: indicator ${ind.code} not inserted`);
    await tx.insert(planTargets).values(
      ind.illustrativeTargets.map((t) => ({
        planIndicatorId: row.id,
        year: t.year,
        level: t.level,
        illustrative: true,
      })),
    );
  }
  return true;
}
