import type { Level } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { nationalValuesOn } from '../values/national-repository';
import type { ReadScope } from '../visibility/scope';

/**
 * Countries' own national reports on a round's A–E questions: for each (country, question), the
 * latest level the scope lets the caller see among the country's national indicators following the
 * question, in national periods ending within the round's dates. Never the published answers.
 */
export async function nationalLevels(
  db: DbOrTx,
  scope: ReadScope,
  frameworkCode: string,
  round: { startDate: string; endDate: string },
  countryIso3s: string[],
): Promise<{ indicatorId: number; countryIso3: string; level: Level }[]> {
  const rows = await nationalValuesOn(db, scope, frameworkCode, { countryIso3s, levelsWithin: round });
  const latest = new Map<string, { indicatorId: number; countryIso3: string; level: Level }>();
  for (const r of rows) {
    const key = `${r.countryIso3}:${r.questionId}`;
    if (!latest.has(key))
      latest.set(key, { indicatorId: r.questionId, countryIso3: r.countryIso3, level: r.level as Level });
  }
  return [...latest.values()];
}
