import { and, eq, inArray } from 'drizzle-orm';
import { type ImportMapping, ImportMappingSchema } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import {
  importMappings,
  importRuns,
  indicators,
  indicatorValues,
  periods,
  roundClassifications,
} from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { RoundClass } from './tracss-classification';
import type { RoundQuestion } from './tracss-columns';

export async function findPeriod(db: DbOrTx, frameworkCode: string, periodCode: string) {
  const [period] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.frameworkCode, frameworkCode), eq(periods.code, periodCode)));
  if (!period) {
    throw new AppError(404, `period: no period '${periodCode}' in framework '${frameworkCode}'`);
  }
  return period;
}

export function roundQuestions(db: DbOrTx, frameworkCode: string): Promise<RoundQuestion[]> {
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

/** The framework's stored column mapping, or the default (the 2019–2020 portal layout). */
export async function storedMapping(db: DbOrTx, frameworkCode: string): Promise<ImportMapping> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(eq(importMappings.frameworkCode, frameworkCode));
  return ImportMappingSchema.parse(row?.mapping ?? {});
}

/** The run that imported this exact file (by its SHA-256) for the period before, if any. */
export async function previousRun(
  db: DbOrTx,
  run: { frameworkCode: string; periodCode: string; sha256: string },
) {
  const [previous] = await db
    .select({ id: importRuns.id, rowCount: importRuns.rowCount, valueCount: importRuns.valueCount })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.sha256, run.sha256),
        eq(importRuns.frameworkCode, run.frameworkCode),
        eq(importRuns.periodCode, run.periodCode),
      ),
    );
  return previous;
}

/** Deletes the period's answers of these countries to these questions (the file replaces them). */
export async function deleteRoundAnswers(
  tx: DbOrTx,
  periodId: number,
  isos: string[],
  questionIds: number[],
) {
  await tx
    .delete(indicatorValues)
    .where(
      and(
        eq(indicatorValues.periodId, periodId),
        inArray(indicatorValues.countryIso3, isos),
        inArray(indicatorValues.indicatorId, questionIds),
      ),
    );
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

/** Records a file's import, so that the same file for the same period is recognised next time. */
export async function insertImportRun(
  tx: DbOrTx,
  run: {
    frameworkCode: string;
    periodCode: string;
    fileName: string;
    sha256: string;
    rowCount: number;
    valueCount: number;
  },
) {
  await tx.insert(importRuns).values({ kind: 'tracss', ...run });
}
