import {
  type HeatmapCountry,
  type HeatmapResult,
  type Level,
  meanScore,
  type PeerGroupType,
  peerStats,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../auth/permissions';
import { listIndicators } from '../frameworks/repository';
import { getFramework, resolvePeriod } from '../frameworks/service';
import { resolveGroup } from './group';
import { memberLevels } from './heatmap-repository';

export interface HeatmapInput {
  framework: string;
  period?: string | undefined;
  groupType: PeerGroupType;
  group?: string | undefined;
  /** Who asks (private saved groups are their owner's only). */
  viewer?: Principal | null;
}

/** Levels of every member of a group on every A–E indicator of a framework, in one period. */
export async function groupHeatmap(db: DbOrTx, input: HeatmapInput): Promise<HeatmapResult> {
  await getFramework(db, input.framework);
  const period = await resolvePeriod(db, input.framework, input.period);
  const group = await resolveGroup(db, input.groupType, input.group, undefined, input.viewer ?? null);
  const indicators = await listIndicators(db, input.framework, { measureType: 'level' });
  const column = new Map(indicators.map((ind, i) => [ind.id, i]));
  const rows = await memberLevels(db, period.id, group.members);

  const byCountry = new Map<string, HeatmapCountry>();
  for (const r of rows) {
    let c = byCountry.get(r.iso3);
    if (!c) {
      c = {
        iso3: r.iso3,
        name: r.name,
        m49Code: r.m49Code,
        whoRegion: r.whoRegion,
        incomeGroup: r.incomeGroup,
        levels: indicators.map(() => null),
        answered: 0,
        score: null,
      };
      byCountry.set(r.iso3, c);
    }
    const i = r.indicatorId === null ? undefined : column.get(r.indicatorId);
    if (i !== undefined && r.level) c.levels[i] = r.level;
  }
  const countries = [...byCountry.values()].map((c) => {
    const answered = c.levels.filter((l): l is Level => l !== null);
    return { ...c, answered: answered.length, score: meanScore(answered) };
  });

  return {
    framework: input.framework,
    period: period.code,
    group,
    indicators: indicators.map((ind, i) => ({
      id: ind.id,
      code: ind.code,
      name: ind.name,
      section: ind.section,
      stats: peerStats(countries.map((c) => c.levels[i] ?? null).filter((l): l is Level => l !== null)),
    })),
    countries,
  };
}
