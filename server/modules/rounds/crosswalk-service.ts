import { type Crosswalk, isCompared, type PutCrosswalkBody, PutCrosswalkBodySchema } from '../../../shared';
import type { Db, DbOrTx } from '../../db/client';
import { type Issue, invalidInput, parseInput } from '../../lib/errors';
import {
  type CrosswalkRow,
  crosswalkPairs,
  type NewCrosswalkRow,
  questionIds,
  replaceCrosswalk,
} from './repository';
import { tracssFramework } from './service';

// The crosswalk between two TrACSS rounds: which question of one answers which of the other, and how
// comparably.

/** The crosswalk between two rounds, in the earlier round's question order. */
export async function getCrosswalk(db: DbOrTx, from: string, to: string): Promise<Crosswalk> {
  await tracssFramework(db, from);
  await tracssFramework(db, to);
  const pairs = await crosswalkPairs(db, from, to);
  return {
    from,
    to,
    pairs: pairs.map(pairCodes),
  };
}

/** A stored pair by its questions' codes, as the API answers it and a crosswalk file holds it. */
export const pairCodes = (p: CrosswalkRow) => ({
  from: p.from.code,
  to: p.to?.code ?? null,
  comparability: p.comparability,
  note: p.note,
});

/**
 * Checks a crosswalk against the two rounds' questions (every problem named by its pair) and
 * replaces the pairs between them with it, in the caller's transaction.
 */
export async function writeCrosswalk(tx: DbOrTx, body: PutCrosswalkBody): Promise<void> {
  const parsed = parseInput(PutCrosswalkBodySchema, body);
  if (parsed.from === parsed.to)
    throw invalidInput([{ path: 'to', message: 'must be another round than from' }]);
  await tracssFramework(tx, parsed.from);
  await tracssFramework(tx, parsed.to);
  const fromQs = await questionIds(tx, parsed.from);
  const toQs = await questionIds(tx, parsed.to);
  const issues: Issue[] = [];
  const keys = new Set<string>();
  const rows = parsed.pairs.flatMap((p, i): NewCrosswalkRow[] => {
    const f = fromQs.get(p.from);
    const t = p.to === null ? null : toQs.get(p.to);
    if (!f) issues.push({ path: `pairs.${i}.from`, message: `no question ${p.from} in ${parsed.from}` });
    if (t === undefined)
      issues.push({ path: `pairs.${i}.to`, message: `no question ${p.to} in ${parsed.to}` });
    const key = `${p.from}|${p.to ?? ''}`;
    if (keys.has(key))
      issues.push({ path: `pairs.${i}`, message: `${p.from} → ${p.to ?? '(none)'} is listed twice` });
    keys.add(key);
    if (p.to === null && p.comparability !== 'not_comparable')
      issues.push({
        path: `pairs.${i}.comparability`,
        message: 'a question without a counterpart is not_comparable',
      });
    if (p.comparability !== 'comparable' && !p.note)
      issues.push({ path: `pairs.${i}.note`, message: `a ${p.comparability} pair needs a note saying why` });
    if (f && t && isCompared(p.comparability) && f.measureType !== t.measureType)
      issues.push({
        path: `pairs.${i}.comparability`,
        message: 'questions of different answer types are not comparable',
      });
    return f && t !== undefined
      ? [
          {
            fromIndicatorId: f.id,
            toIndicatorId: t?.id ?? null,
            toFrameworkCode: parsed.to,
            comparability: p.comparability,
            note: p.note ?? null,
          },
        ]
      : [];
  });
  if (issues.length) throw invalidInput(issues);
  await replaceCrosswalk(
    tx,
    {
      from: parsed.from,
      fromIds: [...fromQs.values()].map((q) => q.id),
      to: parsed.to,
      toIds: [...toQs.values()].map((q) => q.id),
    },
    rows,
  );
}

/** Replaces the crosswalk between two rounds; every code is checked against its round's questions. */
export async function putCrosswalk(db: Db, input: PutCrosswalkBody): Promise<Crosswalk> {
  const body = parseInput(PutCrosswalkBodySchema, input);
  await db.transaction((tx) => writeCrosswalk(tx, body));
  return getCrosswalk(db, body.from, body.to);
}
