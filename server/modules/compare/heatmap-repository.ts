import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { IncomeGroup, Level, WhoRegion } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { countries, indicatorValues } from '../../db/schema';
import type { RoundContext } from './group';

export interface MemberLevelRow {
  iso3: string;
  name: string;
  m49Code: string | null;
  whoRegion: WhoRegion | null;
  incomeGroup: IncomeGroup | null;
  /** Null for a member without any level answer in the period (one row per such member). */
  indicatorId: number | null;
  level: Level | null;
}

/**
 * Every member of a group with its level answers in one period, in one query: members left
 * joined to their values, so members without an answer still come back (one row, no level).
 * A level is only ever set on level indicators, and a period belongs to one framework, so the
 * period and `level is not null` select the framework's A–E answers.
 */
export async function memberLevels(
  db: DbOrTx,
  periodId: number,
  members: string[],
  /** Classify the members as in force for this round (else today's classification). */
  round?: RoundContext,
): Promise<MemberLevelRow[]> {
  if (members.length === 0) return [];
  const classed = (attribute: string, today: SQL) =>
    round
      ? sql<
          string | null
        >`nap_round_class(${countries.iso3}, ${attribute}, ${round.frameworkCode}, ${round.endDate}::date)`
      : today;
  const rows = await db
    .select({
      iso3: countries.iso3,
      name: countries.name,
      m49Code: countries.m49Code,
      whoRegion: classed('who_region', sql`${countries.whoRegion}`),
      incomeGroup: classed('income_group', sql`${countries.incomeGroup}`),
      indicatorId: indicatorValues.indicatorId,
      level: indicatorValues.level,
    })
    .from(countries)
    .leftJoin(
      indicatorValues,
      and(
        eq(indicatorValues.countryIso3, countries.iso3),
        eq(indicatorValues.periodId, periodId),
        isNotNull(indicatorValues.level),
      ),
    )
    .where(inArray(countries.iso3, members))
    .orderBy(asc(countries.name), asc(countries.iso3));
  return rows as MemberLevelRow[];
}
