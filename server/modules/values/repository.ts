import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { IndicatorValue, Level, ValueStatus } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods } from '../../db/schema';

export interface ValueFilter {
  countryIso3?: string | undefined;
  frameworkCode?: string | undefined;
  indicatorCode?: string | undefined;
  periodCode?: string | undefined;
  /** Only these countries (the caller's readable countries when data is not public). */
  countryIn?: string[] | undefined;
}

function conditions(f: ValueFilter): SQL[] {
  const where: SQL[] = [];
  if (f.countryIso3) where.push(eq(indicatorValues.countryIso3, f.countryIso3));
  if (f.frameworkCode) where.push(eq(indicators.frameworkCode, f.frameworkCode));
  if (f.indicatorCode) where.push(eq(indicators.code, f.indicatorCode));
  if (f.periodCode) where.push(eq(periods.code, f.periodCode));
  if (f.countryIn) where.push(inArray(indicatorValues.countryIso3, f.countryIn));
  return where;
}

export async function queryValues(
  db: DbOrTx,
  f: ValueFilter,
  page: { limit: number; offset: number },
): Promise<{ items: IndicatorValue[]; total: number }> {
  const where = and(...conditions(f));
  const [totalRow] = await db
    .select({ n: count() })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(where);
  const rows = await db
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
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(where)
    .orderBy(asc(periods.startDate), asc(indicatorValues.countryIso3), asc(indicators.sortOrder))
    .limit(page.limit)
    .offset(page.offset);
  return {
    total: Number(totalRow?.n ?? 0),
    items: rows.map((r) => ({ ...r, status: r.status as ValueStatus, level: r.level as Level | null })),
  };
}
