import { and, asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { countries, frameworks, indicators, indicatorValues, periods } from '../../db/schema';

/** The survey rounds held (published frameworks of kind tracss), oldest first. */
export function surveyRounds(db: DbOrTx) {
  return db
    .select({ code: frameworks.code, name: frameworks.name, endDate: sql<string>`max(${periods.endDate})` })
    .from(frameworks)
    .innerJoin(periods, eq(periods.frameworkCode, frameworks.code))
    .where(eq(frameworks.kind, 'tracss'))
    .groupBy(frameworks.code, frameworks.name)
    .orderBy(asc(sql`max(${periods.endDate})`), asc(frameworks.code));
}

/** WHO member states (today's membership, as the reference data holds it). */
export async function whoMemberCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(countries).where(eq(countries.whoMember, true));
  return Number(row?.n ?? 0);
}

/** How many countries answered a round (any answer), and how many of them are WHO member states. */
export async function answeringCountries(db: DbOrTx, frameworkCode: string) {
  const [row] = await db
    .select({
      all: countDistinct(indicatorValues.countryIso3),
      members: sql<number>`count(distinct ${indicatorValues.countryIso3}) filter (where ${countries.whoMember})`,
    })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(countries, eq(countries.iso3, indicatorValues.countryIso3))
    .where(eq(periods.frameworkCode, frameworkCode));
  return { all: Number(row?.all ?? 0), members: Number(row?.members ?? 0) };
}

/** One question of a round with the count of each answer (level, or not applicable). */
export async function questionAnswers(db: DbOrTx, frameworkCode: string, code: string) {
  const [question] = await db
    .select({ id: indicators.id, name: indicators.name, levels: indicators.levels })
    .from(indicators)
    .where(and(eq(indicators.frameworkCode, frameworkCode), eq(indicators.code, code)));
  if (!question) return null;
  const rows = await db
    .select({ level: indicatorValues.level, status: indicatorValues.status, n: count() })
    .from(indicatorValues)
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .where(and(eq(indicatorValues.indicatorId, question.id), eq(periods.frameworkCode, frameworkCode)))
    .groupBy(indicatorValues.level, indicatorValues.status);
  return {
    name: question.name,
    levels: question.levels,
    counts: rows.map((r) => ({ level: r.level, status: r.status, n: Number(r.n) })),
  };
}
