import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { indicatorValues, periods } from '../../db/schema';

/** Every value (reported, no data, not applicable) of a country for some indicators, oldest first. */
export async function countryValuesOf(db: DbOrTx, iso3: string, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({
      indicatorId: indicatorValues.indicatorId,
      status: indicatorValues.status,
      numericValue: indicatorValues.numericValue,
      level: indicatorValues.level,
      reason: indicatorValues.statusReason,
      /** null: imported (a survey round), not entered by a user. */
      updatedBy: indicatorValues.updatedBy,
      periodCode: periods.code,
      endDate: periods.endDate,
    })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(and(eq(indicatorValues.countryIso3, iso3), inArray(indicatorValues.indicatorId, indicatorIds)))
    .orderBy(asc(periods.endDate));
}
export type CountryValueRow = Awaited<ReturnType<typeof countryValuesOf>>[number];
