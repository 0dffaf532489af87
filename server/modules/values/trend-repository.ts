import { and, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { COMPARED } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, indicators, indicatorValues, periods, questionCrosswalk } from '../../db/schema';

const fromQ = alias(indicators, 'from_q');
const toQ = alias(indicators, 'to_q');
const fromF = alias(frameworks, 'from_f');
const toF = alias(frameworks, 'to_f');

/** The crosswalk's compared pairs (comparable, caution) between two published rounds. */
export async function comparedPairs(db: DbOrTx) {
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
export async function latestPeriods(db: DbOrTx, codes: string[]) {
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

/** Which of these periods hold any value of the country: the rounds it answered. */
export async function periodsAnswered(db: DbOrTx, iso3: string, periodIds: number[]): Promise<Set<number>> {
  if (periodIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ periodId: indicatorValues.periodId })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.countryIso3, iso3), inArray(indicatorValues.periodId, periodIds)));
  return new Set(rows.map((r) => r.periodId));
}
