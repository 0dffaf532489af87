import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import {
  type IndicatorValue,
  type Level,
  provenanceOf,
  type ValueStatus,
  type ValueWorkflow,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, valueProvenance } from '../../db/schema';
import { allInOrder } from '../../lib/all-in-order';
import type { ReadScope } from '../visibility/scope';
import { visibleValues } from '../visibility/sql';

export interface ValueFilter {
  countryIso3?: string | undefined;
  frameworkCode?: string | undefined;
  indicatorCode?: string | undefined;
  periodCode?: string | undefined;
}

function conditions(f: ValueFilter, scope: ReadScope): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [visibleValues(scope)];
  if (f.countryIso3) where.push(eq(indicatorValues.countryIso3, f.countryIso3));
  if (f.frameworkCode) where.push(eq(indicators.frameworkCode, f.frameworkCode));
  if (f.indicatorCode) where.push(eq(indicators.code, f.indicatorCode));
  if (f.periodCode) where.push(eq(periods.code, f.periodCode));
  return where;
}

/** The values the scope lets the caller see, with where each comes from. */
export async function queryValues(
  db: DbOrTx,
  f: ValueFilter,
  scope: ReadScope,
  range: { limit: number; offset: number },
): Promise<{ items: IndicatorValue[]; total: number }> {
  const where = and(...conditions(f, scope));
  // Both prepared and sent together: planning a join through value_provenance (a view over the plans,
  // periods and submissions) took 2–3 ms a statement, more than running it. The text varies only with
  // which filters are given and the caller's scope, so a connection keeps a handful of them.
  const total = db
    .select({ n: count() })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(where)
    .prepare('values_total')
    .execute();
  const page = db
    .select({
      countryIso3: indicatorValues.countryIso3,
      indicatorId: indicatorValues.indicatorId,
      indicatorCode: indicators.code,
      frameworkCode: indicators.frameworkCode,
      periodCode: periods.code,
      status: indicatorValues.status,
      level: indicatorValues.level,
      numericValue: indicatorValues.numericValue,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      textValue: indicatorValues.textValue,
      choices: indicatorValues.choices,
      workflow: valueProvenance.workflow,
      demo: valueProvenance.demo,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(where)
    .orderBy(asc(periods.startDate), asc(indicatorValues.countryIso3), asc(indicators.sortOrder))
    .limit(range.limit)
    .offset(range.offset)
    .prepare('values_page')
    .execute();
  const [[totalRow], rows] = await allInOrder([total, page]);
  return {
    total: Number(totalRow?.n ?? 0),
    items: rows.map(({ workflow, demo, ...r }) => ({
      ...r,
      status: r.status as ValueStatus,
      level: r.level as Level | null,
      source: provenanceOf(workflow as ValueWorkflow, demo),
    })),
  };
}

/**
 * The stored values of these indicators for these countries (further narrowed by `where`, e.g. a read
 * scope), each with its period's code and end date and its provenance: what plans track.
 */
export async function valuesOfIndicators(db: DbOrTx, iso3s: string[], indicatorIds: number[], where?: SQL) {
  return db
    .select({
      countryIso3: indicatorValues.countryIso3,
      indicatorId: indicatorValues.indicatorId,
      periodId: indicatorValues.periodId,
      status: indicatorValues.status,
      reason: indicatorValues.statusReason,
      numericValue: indicatorValues.numericValue,
      level: indicatorValues.level,
      textValue: indicatorValues.textValue,
      periodCode: periods.code,
      endDate: periods.endDate,
      workflow: valueProvenance.workflow,
      demo: valueProvenance.demo,
    })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(
      and(
        inArray(indicatorValues.countryIso3, iso3s),
        inArray(indicatorValues.indicatorId, indicatorIds),
        where,
      ),
    );
}
