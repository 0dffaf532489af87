import type { DbOrTx } from '../../db/client';
import { type CellValue, rowsXml, type SheetSpec } from '../../lib/spreadsheet/xlsx-writer';
import {
  activitiesOf,
  interventionsOf,
  objectiveBudgetsOf,
  objectivesOf,
  planIndicatorsOf,
  targetsOf,
} from '../plans/repository';

type Line = Record<string, CellValue>;

/** A sheet of a plan's lines: one column per key, in the keys' order; a key a line lacks is empty. */
function sheet(
  name: string,
  keys: readonly string[],
  width: (key: string) => number,
  lines: Line[],
): SheetSpec {
  return {
    name,
    columns: keys.map((key) => ({ header: key, width: width(key) })),
    rows: rowsXml(lines.map((l) => keys.map((k) => l[k]))),
  };
}

/** Sheets "Plan", "Budget by year" and "M&E plan": the plan's structure and figures, each with its source. */
export async function* planSheets(db: DbOrTx, planId: number): AsyncGenerator<SheetSpec> {
  const objectives = await objectivesOf(db, [planId]);
  const ids = objectives.map((o) => o.id);
  const activities = await activitiesOf(db, ids);
  const interventions = await interventionsOf(db, ids);
  const budgets = await objectiveBudgetsOf(db, ids);
  const intervention = new Map(interventions.map((i) => [i.id, i]));
  const keys = [
    'objective',
    'objective_title',
    'gap_objective',
    'strategic_objective',
    'intervention',
    'intervention_title',
    'activity',
    'activity_title',
    'timeline',
    'responsible',
    'sectors',
    'implementation_status',
    'percent_complete',
    'budget',
    'currency',
    'funding_status',
    'published_rate',
    'published_rate_note',
    'published_rate_source',
    'illustrative',
  ];
  const lines: Line[] = [];
  for (const o of objectives) {
    lines.push({
      objective: o.code,
      objective_title: o.title,
      gap_objective: o.gapObjective,
      budget: o.budget,
      currency: o.currency,
      published_rate: o.publishedRate,
      published_rate_note: o.publishedRateNote,
      published_rate_source: o.publishedRateSource,
      illustrative: o.illustrative,
    });
    for (const i of interventions.filter((x) => x.objectiveId === o.id))
      lines.push({
        objective: o.code,
        strategic_objective: i.strategicObjectiveCode
          ? `${i.strategicObjectiveCode} ${i.strategicObjectiveTitle}`
          : null,
        intervention: i.code,
        intervention_title: i.title,
      });
    for (const a of activities.filter((x) => x.objectiveId === o.id)) {
      const i = a.interventionId === null ? undefined : intervention.get(a.interventionId);
      lines.push({
        objective: o.code,
        intervention: i?.code ?? null,
        activity: a.code,
        activity_title: a.title,
        timeline: a.timeline,
        responsible: a.leadAgency,
        sectors: a.sectors.join(', '),
        implementation_status: a.implementationStatus,
        percent_complete: a.percentComplete,
        budget: a.budget,
        currency: a.currency,
        funding_status: a.fundingStatus,
        illustrative: a.illustrative,
      });
    }
  }
  yield sheet('Plan', keys, (key) => (key.endsWith('title') ? 50 : 14), lines);
  if (budgets.length > 0) {
    const code = new Map(objectives.map((o) => [o.id, o]));
    yield sheet(
      'Budget by year',
      ['objective', 'plan_year', 'amount', 'currency', 'source'],
      (key) => (key === 'source' ? 60 : 14),
      budgets.map((b) => ({
        objective: code.get(b.objectiveId)?.code,
        plan_year: b.planYear,
        amount: b.amount,
        currency: code.get(b.objectiveId)?.currency,
        source: b.source,
      })),
    );
  }
  const me = await mePlanSheet(db, planId, objectives, interventions, activities);
  if (me) yield me;
}

async function mePlanSheet(
  db: DbOrTx,
  planId: number,
  objectives: Awaited<ReturnType<typeof objectivesOf>>,
  interventions: Awaited<ReturnType<typeof interventionsOf>>,
  activities: Awaited<ReturnType<typeof activitiesOf>>,
) {
  const joins = (await planIndicatorsOf(db, [planId])).filter((j) => j.row.planningElement !== null);
  if (joins.length === 0) return null;
  const targets = await targetsOf(
    db,
    joins.map((j) => j.row.id),
  );
  const keys = [
    'objective',
    'planning_element_kind',
    'planning_element',
    'intervention',
    'activity',
    'indicator',
    'indicator_name',
    'type',
    'result_level',
    'calculation',
    'measure_type',
    'data_source',
    'method',
    'frequency',
    'target_as_written',
    'targets',
  ];
  const code = <T extends { id: number; code: string }>(list: T[], id: number | null) =>
    id === null ? null : (list.find((x) => x.id === id)?.code ?? null);
  const wide = ['planning_element', 'indicator_name', 'target_as_written'];
  const lines = joins.map(
    (j): Line => ({
      objective: code(objectives, j.row.objectiveId),
      planning_element_kind: j.row.planningElementKind,
      planning_element: j.row.planningElement,
      intervention: code(interventions, j.row.interventionId),
      activity: code(activities, j.row.activityId),
      indicator: j.indicator.code,
      indicator_name: j.indicator.name,
      type: j.row.typeText,
      result_level: j.row.resultLevel,
      calculation: j.indicator.calculation,
      measure_type: j.indicator.measureType,
      data_source: j.indicator.dataSource,
      method: j.indicator.collectionMethod,
      frequency: j.indicator.frequency,
      target_as_written: j.row.targetText,
      targets: targets
        .filter((t) => t.planIndicatorId === j.row.id)
        .map((t) => `${t.year}: ${t.level ?? t.value}`)
        .join(', '),
    }),
  );
  return sheet('M&E plan', keys, (key) => (wide.includes(key) ? 50 : 14), lines);
}
