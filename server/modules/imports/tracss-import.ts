import { createHash } from 'node:crypto';
import type { ImportMapping, UnplacedColumn } from '../../../shared';
import type { Database, Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import { fileChannel } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { insertValues, type NewValue } from '../values/bulk-insert-repository';
import { allowPublishedWrite } from '../visibility/published-write-repository';
import { countryResolver } from './country-names';
import { readAnswers } from './tracss-answers';
import { type RoundClass, readRoundClassification } from './tracss-classification';
import { findHeaderRow, type ImportProblem, missingColumns } from './tracss-columns';
import {
  checkRoundFileSize,
  mapRoundColumns,
  readRoundRows,
  readRoundSheet,
  rejectProblems,
} from './tracss-read';
import {
  deleteRoundAnswers,
  findPeriod,
  insertImportRun,
  previousRun,
  replaceRoundClassification,
  roundQuestions,
  storedMapping,
} from './tracss-repository';

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
  checkRoundFileSize(opts);
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
    const previous = await previousRun(db, base);
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

  const mapping = opts.mapping ?? (await storedMapping(db, opts.frameworkCode));
  const sheet = await readRoundSheet(opts, mapping);
  const questions = await roundQuestions(db, opts.frameworkCode);
  const resolveCountry = await countryResolver(db);
  const problems: ImportProblem[] = [];
  const placed = mapRoundColumns(sheet, mapping, questions, opts.frameworkCode, problems);
  const rows = readRoundRows(sheet, placed, period.id, resolveCountry, mapping, problems);
  rejectProblems(problems, opts.fileName);

  const result: TracssImportResult = {
    ...base,
    alreadyImported: false,
    countries: rows.rowOfCountry.size,
    values: rows.values.length,
    missingColumns: missingColumns(questions, placed.columns, mapping),
    unplacedColumns: placed.skipped,
  };
  if (opts.dryRun) return result;
  await writeRoundImport(db, opts, {
    sha256,
    periodId: period.id,
    questionIds: questions.map((q) => q.id),
    ...rows,
  });
  return result;
}

/** What a checked file gives to write: its answers and classification by country. */
interface RoundImport {
  sha256: string;
  periodId: number;
  questionIds: number[];
  values: NewValue[];
  rowOfCountry: Map<string, number>;
  classes: Map<string, RoundClass>;
}

/** Writes a checked file in one transaction: its answers replace the period's, and the import is audited. */
async function writeRoundImport(db: Db, opts: TracssImportOptions, run: RoundImport) {
  const { sha256, values, rowOfCountry } = run;
  await db.transaction(async (tx) => {
    // Published data: only an import writes it (the database refuses every other writer).
    await allowPublishedWrite(tx);
    // The file is the country's official answer for the round: it replaces what was there.
    await deleteRoundAnswers(tx, run.periodId, [...rowOfCountry.keys()], run.questionIds);
    // The classification first: its triggers recompute every peer statistic, which the new values
    // then need not be part of (their own insert computes theirs, by that classification).
    await replaceRoundClassification(tx, opts.frameworkCode, run.classes);
    await insertValues(tx, values);
    await insertImportRun(tx, {
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
}

/**
 * Reads only the round's classification of its countries from its file (WHO region and income group
 * columns) and stores it: for a round imported before the classification was kept.
 */
export async function importRoundClassification(
  database: Database,
  opts: Pick<TracssImportOptions, 'data' | 'fileName' | 'frameworkCode' | 'mapping'>,
): Promise<number> {
  const mapping = opts.mapping ?? (await storedMapping(database.db, opts.frameworkCode));
  const sheet = await readRoundSheet(opts, mapping);
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
