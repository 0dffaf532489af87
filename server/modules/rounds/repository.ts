import { and, asc, count, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Comparability, ImportMapping } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, importMappings, indicators, periods, questionCrosswalk } from '../../db/schema';

export async function listTracssRounds(db: DbOrTx) {
  const rows = await db
    .select({ code: frameworks.code, name: frameworks.name, questions: count(indicators.id) })
    .from(frameworks)
    .leftJoin(indicators, eq(indicators.frameworkCode, frameworks.code))
    .where(eq(frameworks.kind, 'tracss'))
    .groupBy(frameworks.code)
    .orderBy(asc(frameworks.code));
  const codes = rows.map((r) => r.code);
  if (codes.length === 0) return [];
  const ps = await db
    .select({ framework: periods.frameworkCode, code: periods.code })
    .from(periods)
    .where(inArray(periods.frameworkCode, codes))
    .orderBy(asc(periods.startDate));
  const maps = await db.select().from(importMappings).where(inArray(importMappings.frameworkCode, codes));
  return rows.map((r) => ({
    ...r,
    questions: Number(r.questions),
    periods: ps.filter((p) => p.framework === r.code).map((p) => p.code),
    mapping: maps.find((m) => m.frameworkCode === r.code)?.mapping ?? null,
  }));
}

/** A new round's rows: its framework, its one period and its questions. */
export interface NewRound {
  framework: typeof frameworks.$inferInsert;
  period: typeof periods.$inferInsert;
  questions: (typeof indicators.$inferInsert)[];
}

export async function insertRound(tx: DbOrTx, round: NewRound) {
  await tx.insert(frameworks).values(round.framework);
  await tx.insert(periods).values(round.period);
  await tx.insert(indicators).values(round.questions);
}

export async function upsertMapping(db: DbOrTx, frameworkCode: string, mapping: ImportMapping, now: Date) {
  await db
    .insert(importMappings)
    .values({ frameworkCode, mapping, updatedAt: now })
    .onConflictDoUpdate({ target: importMappings.frameworkCode, set: { mapping, updatedAt: now } });
}

export async function questionIds(db: DbOrTx, frameworkCode: string) {
  const rows = await db
    .select({ id: indicators.id, code: indicators.code, measureType: indicators.measureType })
    .from(indicators)
    .where(eq(indicators.frameworkCode, frameworkCode));
  return new Map(rows.map((r) => [r.code, r]));
}

const fromQ = alias(indicators, 'from_q');
const toQ = alias(indicators, 'to_q');

type QuestionRef = { id: number; code: string; name: string };

/** One pair of the crosswalk, oriented from the earlier round (`from`) to the later (`to`). */
export interface CrosswalkRow {
  from: QuestionRef;
  /** Null: the question has no counterpart in the later round (always not comparable). */
  to: QuestionRef | null;
  comparability: Comparability;
  note: string | null;
}

/**
 * Crosswalk pairs between two frameworks, oriented from `from` to `to` whichever way they were
 * stored; questions of `from` recorded as having no counterpart in `to` come with `to: null`. In the
 * rounds' question order, unless `ordered` is false (one query less: a caller comparing sets).
 */
export async function crosswalkPairs(
  db: DbOrTx,
  from: string,
  to: string,
  { ordered = true }: { ordered?: boolean } = {},
): Promise<CrosswalkRow[]> {
  const rows = await db
    .select({
      fromId: fromQ.id,
      fromCode: fromQ.code,
      fromName: fromQ.name,
      fromFramework: fromQ.frameworkCode,
      toId: toQ.id,
      toCode: toQ.code,
      toName: toQ.name,
      comparability: questionCrosswalk.comparability,
      note: questionCrosswalk.note,
    })
    .from(questionCrosswalk)
    .innerJoin(fromQ, eq(fromQ.id, questionCrosswalk.fromIndicatorId))
    .leftJoin(toQ, eq(toQ.id, questionCrosswalk.toIndicatorId))
    .where(
      or(
        and(eq(fromQ.frameworkCode, from), eq(questionCrosswalk.toFrameworkCode, to)),
        and(
          eq(fromQ.frameworkCode, to),
          eq(questionCrosswalk.toFrameworkCode, from),
          isNotNull(questionCrosswalk.toIndicatorId),
        ),
      ),
    );
  const ref = (id: number | null, code: string | null, name: string | null): QuestionRef | null =>
    id === null || code === null || name === null ? null : { id, code, name };
  const oriented = rows.map((r) => {
    const stored = { id: r.fromId, code: r.fromCode, name: r.fromName };
    const other = ref(r.toId, r.toCode, r.toName);
    const comparability = r.comparability as Comparability;
    return r.fromFramework === from || !other
      ? { from: stored, to: other, comparability, note: r.note }
      : { from: other, to: stored, comparability, note: r.note };
  });
  if (!ordered) return oriented;
  // In the earlier round's question order, then the later round's.
  const order = await sortOrders(db, [...oriented.flatMap((p) => [p.from.id, p.to?.id ?? 0])]);
  const at = (id: number | undefined) => (id === undefined ? -1 : (order.get(id) ?? 0));
  return oriented.sort((a, b) => at(a.from.id) - at(b.from.id) || at(a.to?.id) - at(b.to?.id));
}

async function sortOrders(db: DbOrTx, ids: number[]) {
  const unique = [...new Set(ids.filter((id) => id > 0))];
  if (unique.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ id: indicators.id, sortOrder: indicators.sortOrder })
    .from(indicators)
    .where(inArray(indicators.id, unique));
  return new Map(rows.map((r) => [r.id, r.sortOrder]));
}

export interface NewCrosswalkRow {
  fromIndicatorId: number;
  toIndicatorId: number | null;
  toFrameworkCode: string;
  comparability: Comparability;
  note: string | null;
}

/** Replaces every pair between two frameworks (stored in either direction) with these. */
export async function replaceCrosswalk(
  db: DbOrTx,
  between: { from: string; fromIds: number[]; to: string; toIds: number[] },
  pairs: NewCrosswalkRow[],
) {
  const { from, fromIds, to, toIds } = between;
  const forward = fromIds.length
    ? and(inArray(questionCrosswalk.fromIndicatorId, fromIds), eq(questionCrosswalk.toFrameworkCode, to))
    : undefined;
  const backward = toIds.length
    ? and(inArray(questionCrosswalk.fromIndicatorId, toIds), eq(questionCrosswalk.toFrameworkCode, from))
    : undefined;
  if (forward || backward) await db.delete(questionCrosswalk).where(or(forward, backward));
  if (pairs.length) await db.insert(questionCrosswalk).values(pairs);
}
