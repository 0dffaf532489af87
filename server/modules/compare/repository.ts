import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
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

/** A group's level counts per indicator, with the country's own level (the shape of compare_aggregates). */
export interface MemberLevelCounts {
  indicatorId: number;
  distribution: Record<Level, number>;
  own: Level | null;
}

/**
 * For a group that has no precomputed statistics (a saved group, a hand-picked list): per A–E
 * indicator of the framework in one period, how many members answered each level, and the
 * country's own level. Postgres counts, so the answer is one row per indicator whatever the group's
 * size (the members' answers themselves, ~21 rows per indicator for 20 peers, never reach Node).
 */
export async function memberLevelCounts(
  db: DbOrTx,
  frameworkCode: string,
  periodId: number,
  members: string[],
  countryIso3: string,
): Promise<MemberLevelCounts[]> {
  const member = members.length > 0 ? inArray(indicatorValues.countryIso3, members) : sql`false`;
  const count = (level: Level) =>
    sql<number>`(count(*) filter (where ${member} and ${indicatorValues.level} = ${level}))::int`;
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      a: count('A'),
      b: count('B'),
      c: count('C'),
      d: count('D'),
      e: count('E'),
      own: sql<Level | null>`min(${indicatorValues.level}) filter (where ${indicatorValues.countryIso3} = ${countryIso3})`,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        eq(indicators.frameworkCode, frameworkCode),
        eq(indicators.measureType, 'level'),
        eq(indicatorValues.periodId, periodId),
        isNotNull(indicatorValues.level),
        inArray(indicatorValues.countryIso3, [...members, countryIso3]),
      ),
    )
    .groupBy(indicatorValues.indicatorId);
  return rows.map((r) => ({
    indicatorId: r.indicatorId,
    distribution: { A: r.a, B: r.b, C: r.c, D: r.d, E: r.e },
    own: r.own ?? null,
  }));
}
