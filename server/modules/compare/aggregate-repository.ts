import { sql } from 'drizzle-orm';
import type { ClassificationBasis, Level, PeerGroupType, PeerStats } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { sqlTemplate, templateRows } from '../../db/driver';

/** Group types whose statistics are precomputed in compare_aggregates (migration 0008). */
export const AGGREGATED_GROUP_TYPES = [
  'all',
  'who_region',
  'income_group',
  'un_region',
] as const satisfies readonly PeerGroupType[];
export type AggregatedGroupType = (typeof AGGREGATED_GROUP_TYPES)[number];

export const isAggregatedGroup = (type: PeerGroupType): type is AggregatedGroupType =>
  (AGGREGATED_GROUP_TYPES as readonly PeerGroupType[]).includes(type);

/**
 * The group type the statistics are stored under (migration 0011): WHO regions and income groups as
 * the round classifies its countries under their own name, by today's reference under `<type>:now`.
 */
export function aggregateGroupType(type: PeerGroupType, basis: ClassificationBasis): string {
  return basis === 'today' && (type === 'who_region' || type === 'income_group') ? `${type}:now` : type;
}

export interface IndicatorAggregate {
  indicatorId: number;
  /** The group's statistics over every member with a level (the country too when it is a member). */
  stats: PeerStats;
  /** The country's own level, null without one. */
  own: Level | null;
}

interface Raw {
  indicatorId: number;
  n: number | null;
  a: number | null;
  b: number | null;
  c: number | null;
  d: number | null;
  e: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  own: string | null;
}

const p = (name: string) => sql.placeholder(name);
/** Built once (sqlTemplate): every comparison with a built-in group runs it. */
const GROUP_AGGREGATES = sqlTemplate(sql`
    select coalesce(a.indicator_id, v.indicator_id) as "indicatorId", a.n, a.a, a.b, a.c, a.d, a.e,
           a.median, a.q1, a.q3, v.level as own
    from (select * from compare_aggregates
          where period_id = ${p('periodId')} and group_type = ${p('groupType')} and group_key = ${p('groupKey')}) a
    full join (select indicator_id, level from indicator_values
               where period_id = ${p('periodId')} and country_iso3 = ${p('country')} and level is not null) v
      on v.indicator_id = a.indicator_id`);

/**
 * One indexed query: a built-in group's precomputed statistics for every A–E indicator of a period
 * (primary key of compare_aggregates), with the country's own levels (partial period index).
 * Indicators with neither come back absent.
 */
export async function groupAggregates(
  db: DbOrTx,
  periodId: number,
  groupType: string,
  groupKey: string,
  countryIso3: string | null,
): Promise<IndicatorAggregate[]> {
  const result = await templateRows<Raw>(db, GROUP_AGGREGATES, {
    periodId,
    groupType,
    groupKey,
    country: countryIso3 ?? '',
  });
  return result.map((r) => ({
    indicatorId: Number(r.indicatorId),
    own: (r.own as Level | null) ?? null,
    stats: {
      n: r.n ?? 0,
      distribution: { A: r.a ?? 0, B: r.b ?? 0, C: r.c ?? 0, D: r.d ?? 0, E: r.e ?? 0 },
      median: r.median,
      q1: r.q1,
      q3: r.q3,
    },
  }));
}
