import { eq } from 'drizzle-orm';
import { ensureNationalFramework, insertNationalIndicator } from '../../modules/plans/write-repository';
import type { DbOrTx } from '../client';
import { indicators, indicatorValues, planIndicators } from '../schema';
import type { JordanPlanData } from './jordan-plan-data';
import { measureTypeOf, resultLevelOf } from './nap-me-mapping';

/*
 * Jordan's NAP: the M&E plan's indicators (loadJordanPlan in jordan-plan.ts), each a national
 * indicator of the country's own framework, linked to the plan with the element it measures.
 */

async function hasValues(tx: DbOrTx, indicatorId: number) {
  const [row] = await tx
    .select({ id: indicatorValues.id })
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .limit(1);
  return row !== undefined;
}

export async function upsertMePlan(
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
