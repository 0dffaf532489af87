import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Level } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues } from '../../db/schema';

/** Level answers of the given countries for the framework's level indicators in one period. */
export async function levelAnswers(
  db: DbOrTx,
  frameworkCode: string,
  periodId: number,
  countryIso3s: string[] | 'all',
): Promise<{ indicatorId: number; countryIso3: string; level: Level }[]> {
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      countryIso3: indicatorValues.countryIso3,
      level: indicatorValues.level,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        eq(indicators.frameworkCode, frameworkCode),
        eq(indicators.measureType, 'level'),
        eq(indicatorValues.periodId, periodId),
        isNotNull(indicatorValues.level),
        countryIso3s === 'all' ? undefined : inArray(indicatorValues.countryIso3, countryIso3s),
      ),
    );
  return rows as { indicatorId: number; countryIso3: string; level: Level }[];
}
