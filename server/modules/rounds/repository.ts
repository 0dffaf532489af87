import { and, asc, count, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ImportMapping } from '../../../shared';
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

/**
 * Crosswalk pairs between two frameworks, oriented from `from` to `to` whichever way they were
 * stored.
 */
export async function crosswalkPairs(db: DbOrTx, from: string, to: string) {
  const rows = await db
    .select({
      fromId: fromQ.id,
      fromCode: fromQ.code,
      fromName: fromQ.name,
      fromFramework: fromQ.frameworkCode,
      toId: toQ.id,
      toCode: toQ.code,
      toName: toQ.name,
      comparable: questionCrosswalk.comparable,
      note: questionCrosswalk.note,
    })
    .from(questionCrosswalk)
    .innerJoin(fromQ, eq(fromQ.id, questionCrosswalk.fromIndicatorId))
    .innerJoin(toQ, eq(toQ.id, questionCrosswalk.toIndicatorId))
    .where(
      or(
        and(eq(fromQ.frameworkCode, from), eq(toQ.frameworkCode, to)),
        and(eq(fromQ.frameworkCode, to), eq(toQ.frameworkCode, from)),
      ),
    )
    .orderBy(asc(fromQ.sortOrder), asc(toQ.sortOrder));
  return rows.map((r) =>
    r.fromFramework === from
      ? {
          from: { id: r.fromId, code: r.fromCode, name: r.fromName },
          to: { id: r.toId, code: r.toCode, name: r.toName },
          comparable: r.comparable,
          note: r.note,
        }
      : {
          from: { id: r.toId, code: r.toCode, name: r.toName },
          to: { id: r.fromId, code: r.fromCode, name: r.fromName },
          comparable: r.comparable,
          note: r.note,
        },
  );
}

/** Replaces every pair between two frameworks (either direction). */
export async function replaceCrosswalk(
  db: DbOrTx,
  fromIds: number[],
  toIds: number[],
  pairs: { fromIndicatorId: number; toIndicatorId: number; comparable: boolean; note: string | null }[],
) {
  if (fromIds.length && toIds.length) {
    await db
      .delete(questionCrosswalk)
      .where(
        or(
          and(
            inArray(questionCrosswalk.fromIndicatorId, fromIds),
            inArray(questionCrosswalk.toIndicatorId, toIds),
          ),
          and(
            inArray(questionCrosswalk.fromIndicatorId, toIds),
            inArray(questionCrosswalk.toIndicatorId, fromIds),
          ),
        ),
      );
  }
  if (pairs.length) await db.insert(questionCrosswalk).values(pairs);
}
