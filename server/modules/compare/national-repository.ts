import { and, between, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Level } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, valueProvenance } from '../../db/schema';
import type { ReadScope } from '../visibility/scope';
import { visibleValues } from '../visibility/sql';

const follower = alias(indicators, 'follower');

/**
 * Countries' own national reports on a round's A–E questions: for each (country, question), the
 * latest level the scope lets the caller see among the country's national indicators following the
 * question, in national periods ending within the round's dates. Never the published answers.
 */
export async function nationalLevels(
  db: DbOrTx,
  scope: ReadScope,
  frameworkCode: string,
  round: { startDate: string; endDate: string },
  countryIso3s: string[],
): Promise<{ indicatorId: number; countryIso3: string; level: Level }[]> {
  if (countryIso3s.length === 0) return [];
  const rows = await db
    .select({
      indicatorId: indicators.id,
      countryIso3: indicatorValues.countryIso3,
      level: indicatorValues.level,
    })
    .from(indicators)
    .innerJoin(follower, eq(follower.followsIndicatorId, indicators.id))
    .innerJoin(indicatorValues, eq(indicatorValues.indicatorId, follower.id))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(
      and(
        eq(indicators.frameworkCode, frameworkCode),
        eq(indicators.measureType, 'level'),
        isNotNull(indicatorValues.level),
        eq(indicatorValues.status, 'reported'),
        between(periods.endDate, round.startDate, round.endDate),
        inArray(indicatorValues.countryIso3, countryIso3s),
        visibleValues(scope),
      ),
    )
    .orderBy(desc(periods.endDate));
  const latest = new Map<string, { indicatorId: number; countryIso3: string; level: Level }>();
  for (const r of rows) {
    const key = `${r.countryIso3}:${r.indicatorId}`;
    if (!latest.has(key)) latest.set(key, { ...r, level: r.level as Level });
  }
  return [...latest.values()];
}
