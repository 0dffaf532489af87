import {
  type ClassificationBasis,
  type CompareResult,
  type CompareRow,
  type CompareSource,
  type Level,
  type PeerGroupType,
  type PeerStats,
  peerStats,
  standing,
  standingInDistribution,
  statsOfDistribution,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { allInOrder } from '../../lib/all-in-order';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { listIndicators } from '../frameworks/repository';
import { getPublishedFramework, resolvePeriod } from '../frameworks/service';
import type { ReadScope } from '../visibility/scope';
import { aggregateGroupType, groupAggregates, isAggregatedGroup } from './aggregate-repository';
import { builtInGroupKey, type PeerGroup, resolveGroup } from './group';
import { nationalLevels } from './national-repository';
import { memberLevelCounts } from './repository';
import { roundClassOfPeriod } from './round-class-repository';

/** What picks a round and a peer group: a comparison's and the group heatmap's input. */
export interface GroupInput {
  framework: string;
  period?: string | undefined;
  groupType: PeerGroupType;
  group?: string | undefined;
  /** Who asks (private saved groups are their owner's only). */
  viewer?: Principal | null;
  /** published (default): the round's answers; national: countries' own reports on its questions. */
  source?: CompareSource | undefined;
  /** What the caller may see of national data (required with source national). */
  scope?: ReadScope | undefined;
  /** round (default): WHO regions and income groups as in force for the round; today: today's. */
  classification?: ClassificationBasis | undefined;
}

/** A comparison: the round and the group, and the country set against the group. */
export interface CompareInput extends GroupInput {
  country: string;
}

/**
 * One country against a peer group on every A–E indicator of a published framework (a TrACSS
 * round), in one period: its published answers, or with source national the countries' own
 * national reports on the same questions.
 */
export async function compareCountry(db: DbOrTx, input: CompareInput): Promise<CompareResult> {
  const source = input.source ?? 'published';
  const basis = input.classification ?? 'round';
  const groupType = input.groupType;
  // The country's own WHO region or income group for the round, when it is the group: read with the
  // look-ups below rather than after them (checked against the period they resolve).
  const ownClassOf =
    source === 'published' && !input.group && basis === 'round' && isClassGroup(groupType) ? groupType : null;
  // Independent look-ups run together (the bench measured ~1.8 ms of overhead per request when
  // they ran one after another); resolvePeriod also 404s an unknown framework.
  const [country, period, indicators, framework, ownClass] = await allInOrder([
    findCountry(db, input.country),
    resolvePeriod(db, input.framework, input.period),
    listIndicators(db, input.framework, { measureType: 'level' }),
    getPublishedFramework(db, input.framework),
    ownClassOf
      ? roundClassOfPeriod(db, input.country, ownClassOf, input.framework, input.period)
      : Promise.resolve(null),
  ]);
  if (!country) throw new AppError(404, `country: no country with ISO3 code ${input.country}`);
  const round = { frameworkCode: framework.code, frameworkName: framework.name, endDate: period.endDate };
  const headOf = (group: PeerGroup) => ({
    framework: input.framework,
    period: period.code,
    source,
    country,
    group,
  });
  const describe = (ind: (typeof indicators)[number]) => ({
    id: ind.id,
    code: ind.code,
    name: ind.name,
    section: ind.section,
    sectors: ind.sectors,
    levels: ind.levels,
  });
  if (source === 'published' && isAggregatedGroup(groupType)) {
    // A built-in group: its precomputed statistics (compare_aggregates, the same numbers as peerStats and
    // standing over the members' answers), read by the group's key while its members are listed.
    const known = ownClass && ownClass.period === period.code ? { ownClass: ownClass.value } : {};
    const key = await builtInGroupKey(db, groupType, input.group, country, { basis, round, ...known });
    const [group, aggregates] = await allInOrder([
      resolveGroup(db, groupType, key, country, input.viewer ?? null, { basis, round }),
      groupAggregates(db, period.id, aggregateGroupType(groupType, basis), key, country.iso3),
    ]);
    const byId = new Map(aggregates.map((a) => [a.indicatorId, a]));
    return { ...headOf(group), rows: rowsFrom(byId, group, country.iso3, indicators, describe) };
  }
  const group = await resolveGroup(db, groupType, input.group, country, input.viewer ?? null, {
    basis,
    round,
  });
  const head = headOf(group);
  if (source === 'published') {
    // A saved group or a hand-picked list: Postgres counts the members' levels per indicator.
    const counts = await memberLevelCounts(db, input.framework, period.id, group.members, country.iso3);
    const byId = new Map(
      counts.map((c) => [c.indicatorId, { own: c.own, stats: statsOfDistribution(c.distribution) }]),
    );
    return { ...head, rows: rowsFrom(byId, group, country.iso3, indicators, describe) };
  }
  const members = new Set(group.members);
  const wanted = [...members, country.iso3];
  const answers = await nationalLevels(db, requireScope(input.scope), input.framework, period, wanted);

  const byIndicator = new Map<number, { group: Level[]; peers: Level[]; own: Level | null }>();
  for (const ind of indicators) byIndicator.set(ind.id, { group: [], peers: [], own: null });
  for (const a of answers) {
    const slot = byIndicator.get(a.indicatorId);
    if (!slot) continue;
    if (a.countryIso3 === country.iso3) slot.own = a.level;
    if (members.has(a.countryIso3)) {
      slot.group.push(a.level);
      if (a.countryIso3 !== country.iso3) slot.peers.push(a.level);
    }
  }
  return {
    ...head,
    rows: indicators.map((ind) => {
      const slot = byIndicator.get(ind.id) ?? { group: [], peers: [], own: null };
      return {
        indicator: describe(ind),
        countryLevel: slot.own,
        stats: peerStats(slot.group),
        ...standing(slot.own, slot.peers),
      };
    }),
  };
}

/**
 * A comparison's rows from each indicator's group statistics and the country's own level. Peers are
 * the group without the country, so its own level is taken out of the counts when it is a member.
 */
function rowsFrom<I extends { id: number }>(
  byId: Map<number, { own: Level | null; stats: PeerStats }>,
  group: PeerGroup,
  iso3: string,
  indicators: I[],
  describe: (ind: I) => CompareRow['indicator'],
): CompareRow[] {
  const member = group.members.includes(iso3);
  return indicators.map((ind) => {
    const a = byId.get(ind.id);
    const own = a?.own ?? null;
    const stats = a?.stats ?? peerStats([]);
    const peers = { ...stats.distribution };
    if (member && own) peers[own] -= 1;
    return { indicator: describe(ind), countryLevel: own, stats, ...standingInDistribution(own, peers) };
  });
}

const isClassGroup = (type: PeerGroupType): type is 'who_region' | 'income_group' =>
  type === 'who_region' || type === 'income_group';

export function requireScope(scope: ReadScope | undefined): ReadScope {
  if (!scope) throw new Error("a comparison of national reports needs the caller's read scope");
  return scope;
}
