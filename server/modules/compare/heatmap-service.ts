import {
  emptyDistribution,
  type HeatmapCountry,
  type HeatmapResult,
  type Level,
  type LevelDistribution,
  meanScore,
  statsOfDistribution,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { allInOrder } from '../../lib/all-in-order';
import { listIndicators } from '../frameworks/repository';
import { getPublishedFramework, resolvePeriod } from '../frameworks/service';
import { resolveGroup } from './group';
import { eachLevelPair, type MemberRow, memberLevels } from './heatmap-repository';
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
  // Each member's row of levels, one per indicator (null: no answer), placed by the indicator's column.
  const members: { member: MemberRow; levels: (Level | null)[] }[] = [];
  const rowOf = (member: MemberRow) => {
    const row = { member, levels: indicators.map((): Level | null => null) };
    members.push(row);
    return row;
  };
  if (source === 'national') {
    const rows = new Map<string, (Level | null)[]>();
    for (const m of await memberLevels(db, -1, group.members, classed)) rows.set(m.iso3, rowOf(m).levels);
    for (const l of await nationalLevels(
      db,
      requireScope(input.scope),
      input.framework,
      period,
      group.members,
    )) {
      const i = column.get(l.indicatorId);
      const levels = rows.get(l.countryIso3);
      if (levels && i !== undefined) levels[i] = l.level;
    }
  } else {
    for (const m of await memberLevels(db, period.id, group.members, classed)) {
      const { levels } = rowOf(m);
      if (m.levels === null) continue;
      eachLevelPair(m.levels, (indicatorId, level) => {
        const i = column.get(indicatorId);
        if (i !== undefined) levels[i] = level;
      });
    }
  }

  // Each indicator's level counts, gathered in the same pass as each member's answers.
  const counts = indicators.map(() => emptyDistribution());
  const countries: HeatmapCountry[] = members.map(({ member, levels }) => {
    const answered: Level[] = [];
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      if (!level) continue;
      answered.push(level);
      (counts[i] as LevelDistribution)[level] += 1;
    }
    return {
      iso3: member.iso3,
      name: member.name,
      m49Code: member.m49Code,
      whoRegion: member.whoRegion,
      incomeGroup: member.incomeGroup,
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
      stats: statsOfDistribution(counts[i] as LevelDistribution),
    })),
    countries,
  };
}
