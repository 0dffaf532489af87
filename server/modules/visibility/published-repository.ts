import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FollowedQuestion, Level, PublishedAnswer, ValueStatus } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, indicators, indicatorValues, periods } from '../../db/schema';

export type PublishedRow = PublishedAnswer & { countryIso3: string; endDate: string };

/**
 * The countries' published answers (values of a published framework, e.g. a TrACSS round) to these
 * questions, newest period first: what pages show beside a country's own reporting on a question.
 * Published data is public wherever the country is readable: callers pass readable countries only.
 */
export async function publishedAnswersList(
  db: DbOrTx,
  iso3s: string[],
  questionIds: number[],
): Promise<PublishedRow[]> {
  if (iso3s.length === 0 || questionIds.length === 0) return [];
  const rows = await db
    .select({
      countryIso3: indicatorValues.countryIso3,
      indicatorId: indicatorValues.indicatorId,
      frameworkCode: frameworks.code,
      frameworkName: frameworks.name,
      indicatorCode: indicators.code,
      periodCode: periods.code,
      periodLabel: periods.label,
      endDate: periods.endDate,
      status: indicatorValues.status,
      level: indicatorValues.level,
      numericValue: indicatorValues.numericValue,
      textValue: indicatorValues.textValue,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(frameworks, eq(frameworks.code, periods.frameworkCode))
    .where(
      and(
        inArray(indicatorValues.countryIso3, iso3s),
        inArray(indicatorValues.indicatorId, [...new Set(questionIds)]),
        ne(frameworks.kind, 'national'),
      ),
    )
    .orderBy(desc(periods.endDate));
  return rows.map((r) => ({
    ...r,
    status: r.status as ValueStatus,
    level: r.level as Level | null,
    source: 'published' as const,
  }));
}

export const publishedKey = (iso3: string, questionId: number) => `${iso3}:${questionId}`;

/** The latest published answer of each (country, question), keyed by publishedKey. */
export async function publishedAnswersOf(
  db: DbOrTx,
  iso3s: string[],
  questionIds: number[],
): Promise<Map<string, PublishedAnswer>> {
  const out = new Map<string, PublishedAnswer>();
  for (const { countryIso3, endDate: _e, ...answer } of await publishedAnswersList(db, iso3s, questionIds)) {
    const key = publishedKey(countryIso3, answer.indicatorId);
    if (!out.has(key)) out.set(key, answer);
  }
  return out;
}

/** The questions these national indicators follow, by follower id: what pages name them by. */
export async function followedQuestionsOf(
  db: DbOrTx,
  indicatorIds: number[],
): Promise<Map<number, FollowedQuestion>> {
  if (indicatorIds.length === 0) return new Map();
  const follower = alias(indicators, 'follower');
  const rows = await db
    .select({
      followerId: follower.id,
      id: indicators.id,
      frameworkCode: indicators.frameworkCode,
      frameworkName: frameworks.name,
      code: indicators.code,
    })
    .from(follower)
    .innerJoin(indicators, eq(indicators.id, follower.followsIndicatorId))
    .innerJoin(frameworks, eq(frameworks.code, indicators.frameworkCode))
    .where(inArray(follower.id, indicatorIds));
  return new Map(rows.map(({ followerId, ...q }) => [followerId, q]));
}
