import {
  emptyDistribution,
  type HeatmapCountry,
  type HeatmapResult,
  type Level,
  meanScore,
  statsOfDistribution,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { allInOrder } from '../../lib/all-in-order';
import { listIndicators } from '../frameworks/repository';
import { getPublishedFramework, resolvePeriod } from '../frameworks/service';
import type { ReadScope } from '../visibility/scope';
import { type RoundContext, resolveGroup } from './group';
import { type MemberLevelRow, memberLevels } from './heatmap-repository';
import { nationalLevels } from './national-repository';
import { type GroupInput, requireScope } from './service';

/** Levels of every member of a group on every A–E indicator of a published framework, in one period. */
export async function groupHeatmap(db: DbOrTx, input: GroupInput): Promise<HeatmapResult> {
  const source = input.source ?? 'published';
  // Independent look-ups run together; a failure is reported framework first, then period.
  const [framework, period, indicators] = await allInOrder([
    getPublishedFramework(db, input.framework),
    resolvePeriod(db, input.framework, input.period),
    listIndicators(db, input.framework, { measureType: 'level' }),
  ]);
  const basis = input.classification ?? 'round';
  const round = { frameworkCode: framework.code, frameworkName: framework.name, endDate: period.endDate };
  const group = await resolveGroup(db, input.groupType, input.group, undefined, input.viewer ?? null, {
    basis,
    round,
  });
  // Each member's WHO region and income group as the classification used gives them.
  const classed = basis === 'round' ? round : undefined;
  const column = new Map(indicators.map((ind, i) => [ind.id, i]));
  const rows =
    source === 'national'
      ? await nationalMemberLevels(
          db,
          requireScope(input.scope),
          input.framework,
          period,
          group.members,
          classed,
        )
      : await memberLevels(db, period.id, group.members, classed);

  const countries: HeatmapCountry[] = rows.map((r) => {
    const levels: (Level | null)[] = indicators.map(() => null);
    for (const a of r.levels) {
      const i = column.get(a.indicatorId);
      if (i !== undefined) levels[i] = a.level;
    }
    const answered = levels.filter((l): l is Level => l !== null);
    return {
      iso3: r.iso3,
      name: r.name,
      m49Code: r.m49Code,
      whoRegion: r.whoRegion,
      incomeGroup: r.incomeGroup,
      levels,
      answered: answered.length,
      score: meanScore(answered),
    };
  });

  return {
    framework: input.framework,
    period: period.code,
    source,
    group,
    indicators: indicators.map((ind, i) => ({
      id: ind.id,
      code: ind.code,
      name: ind.name,
      section: ind.section,
      stats: columnStats(countries, i),
    })),
    countries,
  };
}

/** The statistics of one indicator's column: its members' levels counted (peerStats of the column). */
function columnStats(countries: HeatmapCountry[], column: number) {
  const counts = emptyDistribution();
  for (const c of countries) {
    const level = c.levels[column];
    if (level) counts[level] += 1;
  }
  return statsOfDistribution(counts);
}

/** The members, each with its national reports' levels. */
async function nationalMemberLevels(
  db: DbOrTx,
  scope: ReadScope,
  framework: string,
  round: { startDate: string; endDate: string },
  members: string[],
  classed: RoundContext | undefined,
): Promise<MemberLevelRow[]> {
  const countries = await memberLevels(db, -1, members, classed);
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  for (const l of await nationalLevels(db, scope, framework, round, members)) {
    byIso3.get(l.countryIso3)?.levels.push({ indicatorId: l.indicatorId, level: l.level });
  }
  return countries;
}
