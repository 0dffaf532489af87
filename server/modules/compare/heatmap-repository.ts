import { sql } from 'drizzle-orm';
import type { IncomeGroup, Level, WhoRegion } from '../../../shared';
import { type DbOrTx, toRows } from '../../db/client';
import type { RoundContext } from './group';
import { memberList } from './member-list';
import { roundClasses } from './round-class-repository';

export interface MemberRow {
  iso3: string;
  name: string;
  m49Code: string | null;
  whoRegion: WhoRegion | null;
  incomeGroup: IncomeGroup | null;
}

export interface MemberLevelRow extends MemberRow {
  /**
   * The member's level answers in the period as "indicator:level" pairs, comma-separated ("12:B,15:D"),
   * read with eachLevelPair; null for a member that gave none.
   */
  levels: string | null;
}

/**
 * Every member of a group with its level answers in one period, in one query: members left
 * joined to their values, so members without an answer still come back (with no level).
 * A level is only ever set on level indicators, and a period belongs to one framework, so the
 * period and `level is not null` select the framework's A–E answers.
 *
 * One row per member, its answers aggregated as "indicator:level" pairs: one row per answer (3,758 for
 * all countries of the bench's round) cost ~10 ms of Node's CPU per call to read and map, the aggregate
 * ~2.4 ms (A/B in one process on the bench database, 5 December).
 *
 * The answers are aggregated per country before they meet the members, grouped by the country's code
 * alone: grouped after the join, by the member's five columns, the statement took 5.0 ms to execute
 * against 3.7 ms (EXPLAIN ANALYZE, the heatmap of all 249 countries on the bench database; p50 over 40
 * calls 7.6 → 6.3 ms, 6 December).
 *
 * The members are classified once each, before the join (a materialized CTE): classified in the
 * joined rows, the round's classification ran once per answer (7,793 answers of TrACSS 2025: 109 ms
 * against 22–34 ms, EXPLAIN ANALYZE on the shipped data). They are classified as a set (roundClasses), not
 * by two calls of nap_round_class per member. Plain SQL: the query builder cannot mark
 * a CTE materialized, and Postgres would otherwise fold it into the join.
 */
export async function memberLevels(
  db: DbOrTx,
  periodId: number,
  members: string[],
  /** Classify the members as in force for this round (else today's classification). */
  round?: RoundContext,
): Promise<MemberLevelRow[]> {
  if (members.length === 0) return [];
  const classes = round
    ? sql`join ${roundClasses('who_region', round)} w on w.iso3 = c.iso3
        join ${roundClasses('income_group', round)} i on i.iso3 = c.iso3`
    : sql``;
  const result = await db.execute(sql`
    with m as materialized (
      select c.iso3, c.name, c.m49_code,
        ${round ? sql`w.value` : sql`c.who_region::text`} as who_region,
        ${round ? sql`i.value` : sql`c.income_group::text`} as income_group
      from countries c ${classes} where c.iso3 = any(${memberList(members)}))
    select m.iso3, m.name, m.m49_code as "m49Code", m.who_region as "whoRegion",
      m.income_group as "incomeGroup", a.levels
    from m left join (
      select v.country_iso3, string_agg(v.indicator_id::text || ':' || v.level::text, ',') as levels
      from indicator_values v
      where v.period_id = ${periodId} and v.level is not null and v.country_iso3 = any(${memberList(members)})
      group by v.country_iso3) a on a.country_iso3 = m.iso3
    order by m.name, m.iso3`);
  return toRows<MemberLevelRow>(result);
}

/**
 * Calls `answer` with each pair of a member's levels, as the statement aggregates them ("123:B"): no
 * object per answer (8,500 of them in a heatmap of all countries on 44 indicators).
 */
export function eachLevelPair(pairs: string, answer: (indicatorId: number, level: Level) => void): void {
  let start = 0;
  while (start < pairs.length) {
    let end = pairs.indexOf(',', start);
    if (end < 0) end = pairs.length;
    const colon = pairs.indexOf(':', start);
    answer(Number(pairs.slice(start, colon)), pairs.slice(colon + 1, end) as Level);
    start = end + 1;
  }
}
