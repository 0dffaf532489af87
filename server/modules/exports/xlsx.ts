import { EXPORT_COLUMNS } from '../../../shared';
import type { Database, DbOrTx } from '../../db/client';
import { rowsXml, type SheetSpec, workbookChunks } from '../../lib/spreadsheet/xlsx-writer';
import { countryBatches, linksOf } from './batches';
import type { PlanLink } from './plan-links';
import { selectExportText } from './repository';
import type { ExportScope } from './scope';
import { draftsHeader } from './scope';
import { planSheets } from './xlsx-plan';
import { exportIndicatorsSql, type IndicatorLine, valuesRowsCopySql } from './xlsx-sql';

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

const LF = 10;
function lines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) n++;
  return n;
}

/**
 * The Values sheet's rows, written by Postgres (xlsx-sql.ts): one COPY on Postgres; on PGlite, which
 * copies to a blob, one per batch of countries (batches.ts), each numbered on from the rows before it
 * (one line per row).
 */
async function* valuesRows(database: Database, scope: ExportScope, links: PlanLink[]) {
  let next = 2;
  for (const countries of await countryBatches(database, scope)) {
    for await (const chunk of database.copyOut(
      valuesRowsCopySql(scope, linksOf(links, countries), countries, next),
    )) {
      next += lines(chunk);
      yield chunk;
    }
  }
}

/**
 * The XLSX export, streamed: sheets About, Values (tidy; its rows are SpreadsheetML written by
 * Postgres, so no row passes through JavaScript), Indicators, and when a plan is chosen Plan, Budget
 * by year and M&E plan (the last two when the plan has them). Memory: one chunk and zlib's window.
 */
export async function* xlsxChunks(
  database: Database,
  db: DbOrTx,
  scope: ExportScope,
  links: PlanLink[],
  about: AboutLine[],
  exportedAt: Date,
): AsyncGenerator<Buffer> {
  async function* sheets(): AsyncGenerator<SheetSpec> {
    yield {
      name: 'About',
      columns: [
        { header: 'Item', width: 24 },
        { header: 'Value', width: 100 },
      ],
      rows: rowsXml(about.map((l) => [l.key, l.value])),
    };
    yield {
      name: 'Values',
      frozenHeader: true,
      columns: EXPORT_COLUMNS.map((key) => ({ header: key, width: key.endsWith('name') ? 40 : 14 })),
      rows: valuesRows(database, scope, links),
    };
    const indicators = scope.countries.length
      ? await selectExportText<IndicatorLine>(database, exportIndicatorsSql(scope, scope.countries))
      : [];
    const keys = ['framework', 'indicator', 'indicator_name', 'measure_type', 'unit'] as const;
    yield {
      name: 'Indicators',
      columns: keys.map((key) => ({ header: key, width: key === 'indicator_name' ? 60 : 16 })),
      rows: rowsXml(indicators.map((r) => keys.map((k) => r[k]))),
    };
    if (scope.plan) yield* planSheets(db, scope.plan.id);
  }
  // Level 3: the sheet XML packs nearly as well as at zlib's default 6 for a third of the CPU.
  yield* workbookChunks(sheets(), { creator: 'NAP Tracker', created: exportedAt, level: 3 });
}
