import type { Database } from '../../../server/db/client';
import { levelAnswers } from '../../../server/modules/compare/repository';
import { listIndicators } from '../../../server/modules/frameworks/repository';
import { resolvePeriod } from '../../../server/modules/frameworks/service';
import { type CompareResult, type Level, peerStats, standing } from '../../../shared';

type Figures = Pick<CompareResult['rows'][number], 'countryLevel' | 'stats' | 'rank' | 'percentile'>;

/**
 * Comparisons worked out from scratch, independently of the service's SQL counting: every
 * published answer of the round's period read once, then for a country and members: peerStats over
 * the members, standing against the members other than the country. The reference /api/compare
 * answers are checked against. Read again after a write.
 */
export async function scratchComparisons(database: Database, framework: string, periodCode: string) {
  const period = await resolvePeriod(database.db, framework, periodCode);
  const indicators = await listIndicators(database.db, framework, { measureType: 'level' });
  const byIndicator = new Map<number, Map<string, Level>>(indicators.map((i) => [i.id, new Map()]));
  for (const a of await levelAnswers(database.db, framework, period.id, 'all'))
    byIndicator.get(a.indicatorId)?.set(a.countryIso3, a.level);
  return (country: string, members: readonly string[]): Figures[] =>
    indicators.map((ind) => {
      const answers = byIndicator.get(ind.id) ?? new Map<string, Level>();
      const own = answers.get(country) ?? null;
      const levelsOf = (iso3s: readonly string[]) =>
        iso3s.flatMap((iso3) => (answers.has(iso3) ? [answers.get(iso3) as Level] : []));
      return {
        countryLevel: own,
        stats: peerStats(levelsOf(members)),
        ...standing(own, levelsOf(members.filter((m) => m !== country))),
      };
    });
}

/** The figures of an answer's rows, in the shape scratchComparisons gives. */
export const figuresOf = (r: CompareResult): Figures[] =>
  r.rows.map(({ countryLevel, stats, rank, percentile }) => ({ countryLevel, stats, rank, percentile }));
