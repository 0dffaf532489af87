import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { ME_TRACSS_QUESTIONS } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, indicators, periods } from '../../db/schema';

export interface MeRound {
  framework: string;
  frameworkName: string;
  period: string;
  /** The round's M&E questions it holds, in the order of ME_TRACSS_QUESTIONS. */
  questions: { id: number; code: string; name: string }[];
}

/**
 * The latest published TrACSS round (by the end of its latest period) that holds questions of
 * ME_TRACSS_QUESTIONS; null when none is loaded.
 */
export async function latestMeRound(db: DbOrTx): Promise<MeRound | null> {
  const codes = Object.keys(ME_TRACSS_QUESTIONS);
  const rounds = await db
    .select({ code: frameworks.code, name: frameworks.name, period: periods.code })
    .from(frameworks)
    .innerJoin(periods, eq(periods.frameworkCode, frameworks.code))
    .where(and(inArray(frameworks.code, codes), ne(frameworks.kind, 'national')))
    .orderBy(desc(periods.endDate), desc(periods.code));
  const seen = new Set<string>();
  for (const round of rounds) {
    if (seen.has(round.code)) continue;
    seen.add(round.code);
    const wanted = ME_TRACSS_QUESTIONS[round.code] ?? [];
    const rows = await db
      .select({ id: indicators.id, code: indicators.code, name: indicators.name })
      .from(indicators)
      .where(and(eq(indicators.frameworkCode, round.code), inArray(indicators.code, [...wanted])));
    if (rows.length === 0) continue;
    const questions = wanted.flatMap((c) => rows.filter((r) => r.code === c));
    return { framework: round.code, frameworkName: round.name, period: round.period, questions };
  }
  return null;
}
