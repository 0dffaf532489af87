import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  type ImportMapping,
  ImportMappingSchema,
  megabytes,
  ROUND_WORKBOOK_LIMITS,
  type UnplacedColumn,
} from '../../../shared';
import type { Database, DbOrTx } from '../../db/client';
import {
  importMappings,
  importRuns,
  indicators,
  indicatorValues,
  periods,
  roundClassifications,
} from '../../db/schema';
import { AppError } from '../../lib/errors';
import { columnLetters, readSpreadsheet } from '../../lib/spreadsheet';
import { fileChannel } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { insertValues } from '../values/bulk-insert';
import { allowPublishedWrite } from '../visibility/published-write';
import { countryResolver } from './country-names';
import { readAnswers } from './tracss-answers';
import { classificationColumns, type RoundClass, readRoundClassification } from './tracss-classification';
import { matchColumnsByCode } from './tracss-code-columns';
import {
  findHeaderRow,
  type ImportProblem,
  matchColumns,
  missingColumns,
  type RoundQuestion,
} from './tracss-columns';

export type { ImportProblem } from './tracss-columns';

export interface TracssImportOptions {
  data: Buffer | Uint8Array;
  fileName: string;
  frameworkCode: string;
  periodCode: string;
  dryRun?: boolean;
  /** Import even when this exact file was imported before for the same period. */
  force?: boolean;
  /** How to read this file; by default the framework's stored mapping, else the 2019–2020 layout. */
  mapping?: ImportMapping;
  /** The administrator importing (audited); null for the first start and the command line. */
  actorId?: number | null;
  /** Recorded as the audit entry's channel: the server or an administrator's upload (import), or the command line. */
  channel?: 'import' | 'cli';
}

export interface TracssImportResult {
  frameworkCode: string;
  periodCode: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** True when the same file had already been imported for this period and nothing was done. */
  alreadyImported: boolean;
  countries: number;
  values: number;
  /** Question columns of the framework that the file does not have. */
  missingColumns: string[];
  /** Columns of the file that hold no question: ignored on purpose, or headings without answers. */
  unplacedColumns: UnplacedColumn[];
}

const MAX_PROBLEMS_LISTED = 200;

/**
 * Imports a TrACSS country-responses file as the portal publishes it (.xlsx, or .csv): a header row
 * with the country column and one column per question, one row per country. Columns are matched to
 * the framework's questions by their header text, or — layout `question-code` in the framework's
 * mapping, the 2025 export — by the question code each header starts with. Every problem is
 * collected with its cell; if there is any, nothing is written. Otherwise the values replace the
 * period's values of the countries in the file, in one transaction.
 */
export async function importTracssWorkbook(
  database: Database,
  opts: TracssImportOptions,
): Promise<TracssImportResult> {
  const { db } = database;
  const limits = ROUND_WORKBOOK_LIMITS;
  if (opts.data.byteLength > limits.fileBytes) {
    throw new AppError(413, `file: ${opts.fileName} is larger than ${megabytes(limits.fileBytes)}`, {
      issue: 'file_too_large',
      issueParams: { max: megabytes(limits.fileBytes) },
    });
  }
  const sha256 = createHash('sha256').update(opts.data).digest('hex');
  const period = await findPeriod(db, opts.frameworkCode, opts.periodCode);
  const base = {
    frameworkCode: opts.frameworkCode,
    periodCode: opts.periodCode,
    fileName: opts.fileName,
    sha256,
    dryRun: opts.dryRun ?? false,
  };
  if (!opts.force) {
    const previous = await previousRun(db, opts, sha256);
    if (previous) {
      return {
        ...base,
        alreadyImported: true,
        countries: previous.rowCount,
        values: previous.valueCount,
        missingColumns: [],
        unplacedColumns: [],
      };
    }
  }

  const mapping = opts.mapping ?? (await storedMapping(database, opts.frameworkCode));
  const sheet = await readRoundSheet(opts, mapping);
  const questions = await roundQuestions(db, opts.frameworkCode);
  const resolveCountry = await countryResolver(db);
  const problems: ImportProblem[] = [];
  const header = findHeaderRow(sheet, mapping);
  // The round's own WHO region and income group: read below, never questions.
  const { regionCol, incomeCol } = classificationColumns(header, mapping);
  const placed = new Set([regionCol, incomeCol].filter((c): c is number => c !== null));
  const skipped: UnplacedColumn[] = [];
  const columns =
    mapping.layout === 'question-code'
      ? matchColumnsByCode(sheet, header, placed, questions, mapping, opts.frameworkCode, problems, skipped)
      : matchColumns(header, placed, questions, mapping, opts.frameworkCode, problems, skipped);
  const { values, rowOfCountry } = readAnswers(sheet, header, columns, period.id, resolveCountry, problems);
  const classes = readRoundClassification(sheet, header, rowOfCountry, mapping, problems);
  if (rowOfCountry.size === 0 && problems.length === 0) {
    problems.push({
      cell: `column ${columnLetters(header.countryCol)}`,
      message: 'no country rows below the header',
    });
  }
  if (problems.length > 0) {
    throw new AppError(422, `file: ${problems.length} problem(s) in ${opts.fileName}; nothing was imported`, {
      issues: problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => ({ path: p.cell, message: p.message })),
    });
  }

  const result: TracssImportResult = {
    ...base,
    alreadyImported: false,
    countries: rowOfCountry.size,
    values: values.length,
    missingColumns: missingColumns(questions, columns, mapping),
    unplacedColumns: skipped,
  };
  if (opts.dryRun) return result;

  await db.transaction(async (tx) => {
    // Published data: only an import writes it (the database refuses every other writer).
    await allowPublishedWrite(tx);
    // The file is the country's official answer for the round: it replaces what was there.
    const isos = [...rowOfCountry.keys()];
    await tx.delete(indicatorValues).where(
      and(
        eq(indicatorValues.periodId, period.id),
        inArray(indicatorValues.countryIso3, isos),
        inArray(
          indicatorValues.indicatorId,
          questions.map((q) => q.id),
        ),
      ),
    );
    // The classification first: its triggers recompute every peer statistic, which the new values
    // then need not be part of (their own insert computes theirs, by that classification).
    await replaceRoundClassification(tx, opts.frameworkCode, classes);
    await insertValues(tx, values);
    await tx.insert(importRuns).values({
      kind: 'tracss',
      frameworkCode: opts.frameworkCode,
      periodCode: opts.periodCode,
      fileName: opts.fileName,
      sha256,
      rowCount: rowOfCountry.size,
      valueCount: values.length,
    });
    await recordAudit(tx, {
      entityType: 'import',
      entityId: `${opts.frameworkCode}/${opts.periodCode}`,
      action: 'import',
      countryIso3: null,
      userId: opts.actorId ?? null,
      at: new Date(),
      channel: fileChannel(opts.channel ?? 'import', opts.fileName),
      old: null,
      new: { fileName: opts.fileName, sha256, countries: rowOfCountry.size, values: values.length },
    });
  });
  return result;
}

/**
 * Reads only the round's classification of its countries from its file (WHO region and income group
 * columns) and stores it: for a round imported before the classification was kept.
 */
export async function importRoundClassification(
  database: Database,
  opts: Pick<TracssImportOptions, 'data' | 'fileName' | 'frameworkCode' | 'mapping'>,
): Promise<number> {
  const mapping = opts.mapping ?? (await storedMapping(database, opts.frameworkCode));
  const sheet = await readRoundSheet({ ...opts, periodCode: '' }, mapping);
  const header = findHeaderRow(sheet, mapping);
  const problems: ImportProblem[] = [];
  const { rowOfCountry } = readAnswers(sheet, header, [], 0, await countryResolver(database.db), problems);
  const classes = readRoundClassification(sheet, header, rowOfCountry, mapping, problems);
  if (problems.length > 0)
    throw new AppError(
      422,
      `file: ${problems.length} problem(s) in ${opts.fileName}: ${problems[0]?.cell} ${problems[0]?.message}`,
    );
  await database.db.transaction((tx) => replaceRoundClassification(tx, opts.frameworkCode, classes));
  return classes.size;
}

/** The round's classification of the countries in its file, replacing what the round held for them. */
export async function replaceRoundClassification(
  tx: DbOrTx,
  frameworkCode: string,
  classes: Map<string, RoundClass>,
) {
  if (classes.size === 0) return;
  await tx
    .delete(roundClassifications)
    .where(
      and(
        eq(roundClassifications.frameworkCode, frameworkCode),
        inArray(roundClassifications.iso3, [...classes.keys()]),
      ),
    );
  await tx
    .insert(roundClassifications)
    .values([...classes].map(([iso3, c]) => ({ frameworkCode, iso3, ...c })));
}

async function findPeriod(db: DbOrTx, frameworkCode: string, periodCode: string) {
  const [period] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.frameworkCode, frameworkCode), eq(periods.code, periodCode)));
  if (!period) {
    throw new AppError(404, `period: no period '${periodCode}' in framework '${frameworkCode}'`);
  }
  return period;
}

function roundQuestions(db: DbOrTx, frameworkCode: string): Promise<RoundQuestion[]> {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      questionCode: indicators.questionCode,
      measureType: indicators.measureType,
      sourceColumn: indicators.sourceColumn,
      options: indicators.options,
    })
    .from(indicators)
    .where(eq(indicators.frameworkCode, frameworkCode));
}

/** The run that imported this exact file (by its SHA-256) for the period before, if any. */
async function previousRun(db: DbOrTx, opts: TracssImportOptions, sha256: string) {
  const [previous] = await db
    .select({ id: importRuns.id, rowCount: importRuns.rowCount, valueCount: importRuns.valueCount })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.sha256, sha256),
        eq(importRuns.frameworkCode, opts.frameworkCode),
        eq(importRuns.periodCode, opts.periodCode),
      ),
    );
  return previous;
}

/** A .csv, or the mapping's worksheet of an .xlsx (else its first), read within the round file's limits. */
async function readRoundSheet(opts: TracssImportOptions, mapping: ImportMapping) {
  const sheet = await readSpreadsheet(
    opts.fileName,
    Buffer.from(opts.data.buffer, opts.data.byteOffset, opts.data.byteLength),
    ROUND_WORKBOOK_LIMITS,
    (names) => (mapping.sheet ? names.find((n) => n === mapping.sheet) : names[0]),
  );
  if (!sheet) {
    throw new AppError(
      400,
      mapping.sheet
        ? `mapping.sheet: ${opts.fileName} has no worksheet "${mapping.sheet}"`
        : `file: ${opts.fileName} has no worksheet`,
    );
  }
  return sheet;
}

/** The framework's stored column mapping, or the default (the 2019–2020 portal layout). */
async function storedMapping(database: Database, frameworkCode: string): Promise<ImportMapping> {
  const [row] = await database.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(eq(importMappings.frameworkCode, frameworkCode));
  return ImportMappingSchema.parse(row?.mapping ?? {});
}
