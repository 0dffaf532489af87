import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import {
  activitiesOf,
  interventionsOf,
  objectiveBudgetsOf,
  objectivesOf,
  planIndicatorsOf,
  targetsOf,
} from '../plans/repository';
import type { TypedRow } from './rows';
import type { ExportScope } from './scope';
import { draftsHeader } from './scope';

export interface AboutLine {
  key: string;
  value: string;
}

/** Sheet "About": what the file holds, its filters and where the data come from. */
export function aboutLines(scope: ExportScope, status: string, exportedAt: Date): AboutLine[] {
  return [
    { key: 'Exported from', value: 'NAP Tracker' },
    { key: 'Exported at (UTC)', value: exportedAt.toISOString() },
    {
      key: 'Countries',
      value:
        scope.countries.length > 30
          ? `${scope.countries.length} countries`
          : scope.countries.join(', ') || '(none)',
    },
    { key: 'Plan', value: scope.plan ? `${scope.plan.id}: ${scope.plan.title}` : 'all plans' },
    ...(scope.plan?.sourceNote ? [{ key: 'Plan source', value: scope.plan.sourceNote }] : []),
    { key: 'Framework', value: scope.frameworkCode ?? 'all frameworks' },
    { key: 'Years', value: `${scope.from ?? 'first'}–${scope.to ?? 'last'}` },
    {
      key: 'Values',
      value:
        status === 'all'
          ? 'approved, published and, where you may read them, drafts'
          : 'approved and published only',
    },
    { key: 'Drafts included for', value: draftsHeader(scope) },
    {
      key: 'Sources',
      value:
        'TrACSS rounds: country self-assessment answers as published by the Quadripartite (amrcountryprogress.org), ' +
        'imported unchanged and read-only; national frameworks (national-<iso3>): what the countries entered ' +
        'through their reporting periods and the approval workflow.',
    },
    {
      key: 'workflow',
      value:
        'draft, submitted, returned, approved (the state of the national reporting period holding the value); published: a published dataset’s value',
    },
    {
      key: 'source',
      value:
        'published (a TrACSS round), national_approved, national_draft (not yet approved: may change) or demo (the demo period of the embedded database)',
    },
    {
      key: 'target_source, progress_source',
      value:
        'where the target and the progress status come from; illustrative: made up to fill a gap in what was published, not an official figure',
    },
    { key: 'status', value: 'reported, no_data or not_applicable (reason beside it)' },
    {
      key: 'progress',
      value:
        'achieved, on_track, at_risk, off_track, no_data: against the plan target in force (README, Plans)',
    },
  ];
}

/**
 * The XLSX export through exceljs's streaming WorkbookWriter: rows are written and committed one at
 * a time, so memory stays flat. Sheets: About, Values (tidy), Indicators, and when a plan is chosen
 * Plan, Budget by year and M&E plan (the last two when the plan has them).
 */
export function xlsxStream(
  db: DbOrTx,
  scope: ExportScope,
  about: AboutLine[],
  rows: AsyncIterable<TypedRow>,
): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'NAP Tracker';
  const run = async () => {
    const aboutSheet = wb.addWorksheet('About');
    aboutSheet.columns = [
      { header: 'Item', key: 'key', width: 24 },
      { header: 'Value', key: 'value', width: 100 },
    ];
    for (const line of about) aboutSheet.addRow(line).commit();
    aboutSheet.commit();
    const values = wb.addWorksheet('Values', { views: [{ state: 'frozen', ySplit: 1 }] });
    values.columns = EXPORT_COLUMNS.map((key) => ({
      header: key,
      key,
      width: key.endsWith('name') ? 40 : 14,
    }));
    const indicators = new Map<string, TypedRow>();
    for await (const r of rows) {
      values.addRow(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, r[c]]))).commit();
      const key = `${r.framework}|${r.indicator}`;
      if (!indicators.has(key)) indicators.set(key, r);
    }
    values.commit();
    const ind = wb.addWorksheet('Indicators');
    ind.columns = ['framework', 'indicator', 'indicator_name', 'measure_type', 'unit'].map((key) => ({
      header: key,
      key,
      width: key === 'indicator_name' ? 60 : 16,
    }));
    for (const r of indicators.values())
      ind
        .addRow({
          framework: r.framework,
          indicator: r.indicator,
          indicator_name: r.indicator_name,
          measure_type: r.measure_type,
          unit: r.unit,
        })
        .commit();
    ind.commit();
    if (scope.plan) await planSheet(db, wb, scope.plan.id);
    await wb.commit();
  };
  run().catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/** Sheets "Plan", "Budget by year" and "M&E plan": the plan's structure and figures, each with its source. */
async function planSheet(db: DbOrTx, wb: ExcelJS.stream.xlsx.WorkbookWriter, planId: number) {
  const objectives = await objectivesOf(db, [planId]);
  const ids = objectives.map((o) => o.id);
  const activities = await activitiesOf(db, ids);
  const interventions = await interventionsOf(db, ids);
  const budgets = await objectiveBudgetsOf(db, ids);
  const intervention = new Map(interventions.map((i) => [i.id, i]));
  const ws = wb.addWorksheet('Plan');
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
  ws.columns = keys.map((key) => ({ header: key, key, width: key.endsWith('title') ? 50 : 14 }));
  for (const o of objectives) {
    ws.addRow({
      objective: o.code,
      objective_title: o.title,
      gap_objective: o.gapObjective,
      budget: o.budget,
      currency: o.currency,
      published_rate: o.publishedRate,
      published_rate_note: o.publishedRateNote,
      published_rate_source: o.publishedRateSource,
      illustrative: o.illustrative,
    }).commit();
    for (const i of interventions.filter((x) => x.objectiveId === o.id))
      ws.addRow({
        objective: o.code,
        strategic_objective: i.strategicObjectiveCode
          ? `${i.strategicObjectiveCode} ${i.strategicObjectiveTitle}`
          : null,
        intervention: i.code,
        intervention_title: i.title,
      }).commit();
    for (const a of activities.filter((x) => x.objectiveId === o.id)) {
      const i = a.interventionId === null ? undefined : intervention.get(a.interventionId);
      ws.addRow({
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
      }).commit();
    }
  }
  ws.commit();
  if (budgets.length > 0) {
    const code = new Map(objectives.map((o) => [o.id, o]));
    const bs = wb.addWorksheet('Budget by year');
    bs.columns = ['objective', 'plan_year', 'amount', 'currency', 'source'].map((key) => ({
      header: key,
      key,
      width: key === 'source' ? 60 : 14,
    }));
    for (const b of budgets)
      bs.addRow({
        objective: code.get(b.objectiveId)?.code,
        plan_year: b.planYear,
        amount: b.amount,
        currency: code.get(b.objectiveId)?.currency,
        source: b.source,
      }).commit();
    bs.commit();
  }
  await mePlanSheet(db, wb, planId, objectives, interventions, activities);
}

async function mePlanSheet(
  db: DbOrTx,
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  planId: number,
  objectives: Awaited<ReturnType<typeof objectivesOf>>,
  interventions: Awaited<ReturnType<typeof interventionsOf>>,
  activities: Awaited<ReturnType<typeof activitiesOf>>,
) {
  const joins = (await planIndicatorsOf(db, [planId])).filter((j) => j.row.planningElement !== null);
  if (joins.length === 0) return;
  const targets = await targetsOf(
    db,
    joins.map((j) => j.row.id),
  );
  const ws = wb.addWorksheet('M&E plan');
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
  ws.columns = keys.map((key) => ({
    header: key,
    key,
    width: ['planning_element', 'indicator_name', 'target_as_written'].includes(key) ? 50 : 14,
  }));
  const code = <T extends { id: number; code: string }>(list: T[], id: number | null) =>
    id === null ? null : (list.find((x) => x.id === id)?.code ?? null);
  for (const j of joins)
    ws.addRow({
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
    }).commit();
  ws.commit();
}
