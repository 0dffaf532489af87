import {
  type ChangeKind,
  type Compared,
  type CountryTrend,
  type Level,
  levelToScore,
  type TrendAnswer,
} from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { publishedAnswersList } from '../visibility/published-repository';
import { comparedPairs, latestPeriods, periodsAnswered } from './trend-repository';

function changeOf(from: Level | null, to: Level | null): ChangeKind {
  if (!from || !to) return 'no_answer';
  const d = levelToScore(to) - levelToScore(from);
  return d > 0 ? 'improved' : d < 0 ? 'regressed' : 'same';
}

/**
 * A country's trend over the published TrACSS rounds: for every pair of questions the crosswalk
 * compares (comparable, or caution with what changed), its published answer in each round, earlier
 * round first. Published data only, so it is public wherever the country is readable.
 */
export async function countryTrend(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
): Promise<CountryTrend> {
  if (!(await findCountry(ctx.db, iso3)))
    throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  assertCanReadCountry(ctx.policy, p, iso3);
  const pairs = await comparedPairs(ctx.db);
  const codes = [...new Set(pairs.flatMap((r) => [r.fromFramework, r.toFramework]))];
  const latest = await latestPeriods(ctx.db, codes);
  const answers = await publishedAnswersList(
    ctx.db,
    [iso3],
    pairs.flatMap((r) => [r.fromId, r.toId]),
  );
  const answerOf = (indicatorId: number, framework: string) => {
    const period = latest.get(framework);
    return answers.find((a) => a.indicatorId === indicatorId && a.periodCode === period?.code) ?? null;
  };
  const answered = await periodsAnswered(
    ctx.db,
    iso3,
    [...latest.values()].map((x) => x.id),
  );
  const ends = (framework: string) => latest.get(framework)?.endDate ?? '';

  const items = pairs
    .filter((r) => latest.has(r.fromFramework) && latest.has(r.toFramework))
    .map((r) => {
      // Earlier round first, whichever way the pair was stored.
      const forward = ends(r.fromFramework) <= ends(r.toFramework);
      const side = (which: 'from' | 'to') => {
        const first = (which === 'from') === forward;
        return first
          ? {
              id: r.fromId,
              code: r.fromCode,
              name: r.fromName,
              sort: r.fromSort,
              fw: r.fromFramework,
              fwName: r.fromFrameworkName,
            }
          : {
              id: r.toId,
              code: r.toCode,
              name: r.toName,
              sort: r.toSort,
              fw: r.toFramework,
              fwName: r.toFrameworkName,
            };
      };
      const answer = (q: ReturnType<typeof side>): TrendAnswer & { sort: number } => {
        const a = answerOf(q.id, q.fw);
        return {
          framework: q.fw,
          frameworkName: q.fwName,
          period: latest.get(q.fw)?.code ?? '',
          code: q.code,
          name: q.name,
          status: a?.status ?? null,
          level: a?.level ?? null,
          source: 'published',
          sort: q.sort,
        };
      };
      const { sort: fromSort, ...from } = answer(side('from'));
      const { sort: toSort, ...to } = answer(side('to'));
      return {
        order: [ends(from.framework), fromSort, ends(to.framework), toSort] as const,
        item: {
          comparability: r.comparability as Compared,
          note: r.note,
          from,
          to,
          change: changeOf(from.level, to.level),
        },
      };
    })
    .sort((a, b) => {
      for (let i = 0; i < a.order.length; i++) {
        const x = a.order[i] as string | number;
        const y = b.order[i] as string | number;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    })
    .map((x) => x.item);

  const names = new Map(
    pairs.flatMap((r) => [
      [r.fromFramework, r.fromFrameworkName] as const,
      [r.toFramework, r.toFrameworkName] as const,
    ]),
  );
  const rounds = [...latest.entries()]
    .sort(([, a], [, b]) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0))
    .map(([framework, period]) => ({
      framework,
      name: names.get(framework) ?? framework,
      period: period.code,
      answered: answered.has(period.id),
    }));
  return { iso3, rounds, items };
}
