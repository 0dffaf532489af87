import { and, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ChangeKind,
  COMPARED,
  type Compared,
  type CountryTrend,
  type Level,
  levelToScore,
  type TrendAnswer,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, indicators, indicatorValues, periods, questionCrosswalk } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { publishedAnswersList } from '../visibility/published-repository';

const fromQ = alias(indicators, 'from_q');
const toQ = alias(indicators, 'to_q');
const fromF = alias(frameworks, 'from_f');
const toF = alias(frameworks, 'to_f');

/** The crosswalk's compared pairs (comparable, caution) between two published rounds. */
async function comparedPairs(db: DbOrTx) {
  return db
    .select({
      comparability: questionCrosswalk.comparability,
      note: questionCrosswalk.note,
      fromId: fromQ.id,
      fromCode: fromQ.code,
      fromName: fromQ.name,
      fromSort: fromQ.sortOrder,
      fromFramework: fromF.code,
      fromFrameworkName: fromF.name,
      toId: toQ.id,
      toCode: toQ.code,
      toName: toQ.name,
      toSort: toQ.sortOrder,
      toFramework: toF.code,
      toFrameworkName: toF.name,
    })
    .from(questionCrosswalk)
    .innerJoin(fromQ, eq(fromQ.id, questionCrosswalk.fromIndicatorId))
    .innerJoin(toQ, eq(toQ.id, questionCrosswalk.toIndicatorId))
    .innerJoin(fromF, eq(fromF.code, fromQ.frameworkCode))
    .innerJoin(toF, eq(toF.code, toQ.frameworkCode))
    .where(
      and(
        inArray(questionCrosswalk.comparability, [...COMPARED]),
        // Published rounds only: a national framework is one country's own reporting.
        ne(fromF.kind, 'national'),
        ne(toF.kind, 'national'),
      ),
    );
}

/** Each framework's latest period (a TrACSS round has one): the round's answers. */
async function latestPeriods(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return new Map<string, { id: number; code: string; endDate: string }>();
  const rows = await db
    .select({
      id: periods.id,
      code: periods.code,
      framework: periods.frameworkCode,
      endDate: periods.endDate,
    })
    .from(periods)
    .where(inArray(periods.frameworkCode, codes));
  const out = new Map<string, { id: number; code: string; endDate: string }>();
  for (const p of rows) {
    const seen = out.get(p.framework);
    if (!seen || seen.endDate < p.endDate) out.set(p.framework, p);
  }
  return out;
}

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
  const periodIds = [...latest.values()].map((x) => x.id);
  const answered = new Set(
    periodIds.length
      ? (
          await ctx.db
            .selectDistinct({ periodId: indicatorValues.periodId })
            .from(indicatorValues)
            .where(and(eq(indicatorValues.countryIso3, iso3), inArray(indicatorValues.periodId, periodIds)))
        ).map((r) => r.periodId)
      : [],
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
