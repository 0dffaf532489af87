import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { activitiesOf, objectivesOf } from '../plans/repository';
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
 * a time, so memory stays flat. Sheets: About, Values (tidy), Indicators, and Plan when one is chosen.
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

async function planSheet(db: DbOrTx, wb: ExcelJS.stream.xlsx.WorkbookWriter, planId: number) {
  const objectives = await objectivesOf(db, [planId]);
  const activities = await activitiesOf(
    db,
    objectives.map((o) => o.id),
  );
  const ws = wb.addWorksheet('Plan');
  const keys = [
    'objective',
    'objective_title',
    'gap_objective',
    'activity',
    'activity_title',
    'sectors',
    'implementation_status',
    'percent_complete',
    'budget',
    'currency',
    'funding_status',
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
      illustrative: o.illustrative,
    }).commit();
    for (const a of activities.filter((x) => x.objectiveId === o.id))
      ws.addRow({
        objective: o.code,
        activity: a.code,
        activity_title: a.title,
        sectors: a.sectors.join(', '),
        implementation_status: a.implementationStatus,
        percent_complete: a.percentComplete,
        budget: a.budget,
        currency: a.currency,
        funding_status: a.fundingStatus,
        illustrative: a.illustrative,
      }).commit();
  }
  ws.commit();
}
