import { and, between, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, valueProvenance } from '../../db/schema';
import type { ReadScope } from '../visibility/scope';
import { visibleValues } from '../visibility/sql';

const question = alias(indicators, 'question');

export interface NationalValueFilter {
  countryIso3s: string[];
  /**
   * Only the reported levels on the framework's A–E questions, in national periods ending within
   * these dates (a round's): what comparisons set beside the round's published answers.
   */
  levelsWithin?: { startDate: string; endDate: string } | undefined;
}

/**
 * Countries' own (national) values reporting on a published framework's questions — through the
 * national indicators following them — as the scope lets the caller see them, newest period first.
 * The country page and the comparisons read a country's reports on a round this one way.
 */
export async function nationalValuesOn(
  db: DbOrTx,
  scope: ReadScope,
  frameworkCode: string,
  { countryIso3s, levelsWithin }: NationalValueFilter,
) {
  if (countryIso3s.length === 0) return [];
  return db
    .select({
      questionId: question.id,
      questionCode: question.code,
      countryIso3: indicatorValues.countryIso3,
      indicatorCode: indicators.code,
      frameworkCode: indicators.frameworkCode,
      periodCode: periods.code,
      endDate: periods.endDate,
      status: indicatorValues.status,
      level: indicatorValues.level,
      numericValue: indicatorValues.numericValue,
      textValue: indicatorValues.textValue,
      workflow: valueProvenance.workflow,
      demo: valueProvenance.demo,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(question, eq(question.id, indicators.followsIndicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(
      and(
        eq(question.frameworkCode, frameworkCode),
        inArray(indicatorValues.countryIso3, countryIso3s),
        visibleValues(scope),
        ...(levelsWithin
          ? [
              eq(question.measureType, 'level'),
              isNotNull(indicatorValues.level),
              eq(indicatorValues.status, 'reported'),
              between(periods.endDate, levelsWithin.startDate, levelsWithin.endDate),
            ]
          : []),
      ),
    )
    .orderBy(desc(periods.endDate), question.sortOrder);
}
