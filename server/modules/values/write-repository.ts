import { and, eq, sql } from 'drizzle-orm';
import type { EvidenceLink } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import {
  countries,
  frameworks,
  indicators,
  indicatorValues,
  periods,
  planIndicators,
  planPeriods,
  plans,
  submissions,
  users,
  valueComments,
  valueEvidence,
} from '../../db/schema';

export interface ValueColumns {
  status: string;
  level: string | null;
  numericValue: number | null;
  numerator: number | null;
  denominator: number | null;
  textValue: string | null;
  statusReason: string | null;
}

export interface ValueKey {
  countryIso3: string;
  indicatorId: number;
  periodId: number;
}

/** The stored value with the name of who wrote it (for audits and 409 answers). */
export async function findValue(db: DbOrTx, k: ValueKey) {
  const [row] = await db
    .select({ value: indicatorValues, updatedByName: users.displayName })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.updatedBy))
    .where(
      and(
        eq(indicatorValues.countryIso3, k.countryIso3),
        eq(indicatorValues.indicatorId, k.indicatorId),
        eq(indicatorValues.periodId, k.periodId),
      ),
    );
  return row;
}
export type FoundValue = NonNullable<Awaited<ReturnType<typeof findValue>>>;

/** A submission of the country's plans that tracks the value (its state decides the lock and the source). */
export interface Holder {
  state: string;
  demo: boolean;
}

/** json_agg's answer: parsed by both drivers, but a string when a driver leaves json alone. */
function jsonOf<T>(v: unknown): T | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/**
 * Everything a save needs to decide, in one statement: the framework, the indicator, the period and
 * whether the country exists (each null when it does not, so that the service answers the same 404s in
 * the same order as before), the stored value with its author's name, latest comment and evidence, and
 * the submissions that hold it, locked FOR SHARE (a transition, which locks its submission FOR UPDATE,
 * waits for the saving transaction, and a save for a transition's). Callers run it in a transaction (the
 * request's, or an upload's) so that the lock lasts until the value is written and committed.
 */
export async function loadSaveContext(
  db: DbOrTx,
  key: { country: string; framework: string; indicator: string; period: string },
) {
  const [row] = await db
    .select({
      framework: { code: frameworks.code, name: frameworks.name, kind: frameworks.kind },
      indicator: indicators,
      period: { id: periods.id, code: periods.code },
      countryFound: sql<boolean>`exists (select 1 from ${countries} where ${countries.iso3} = ${key.country})`,
      value: indicatorValues,
      updatedByName: users.displayName,
      comment: sql<string | null>`(select ${valueComments.body} from ${valueComments}
        where ${valueComments.valueId} = ${indicatorValues.id} and ${valueComments.kind} = 'entry'
        order by ${valueComments.id} desc limit 1)`,
      evidence: sql<unknown>`(select json_agg(json_build_object('url', ${valueEvidence.url},
          'title', ${valueEvidence.title}) order by ${valueEvidence.id})
        from ${valueEvidence} where ${valueEvidence.valueId} = ${indicatorValues.id})`,
      // Locked FOR SHARE here, before the write statement bumps analytics_version: a workflow transition
      // locks its submission FOR UPDATE and then bumps the version, so taking them in the other order
      // would deadlock against it. The lock is held to the end of the caller's transaction.
      holders: sql<unknown>`(select json_agg(json_build_object('state', h.state, 'demo', h.demo))
        from (select ${submissions.state} as state, ${planPeriods.demo} as demo
          from ${submissions}
          join ${planPeriods} on ${planPeriods.id} = ${submissions.planPeriodId}
          join ${plans} on ${plans.id} = ${planPeriods.planId}
          join ${planIndicators} on ${planIndicators.planId} = ${plans.id}
            and ${planIndicators.indicatorId} = ${indicators.id}
          where ${submissions.countryIso3} = ${key.country} and ${planPeriods.code} = ${key.period}
          for share of ${submissions}) h)`,
    })
    .from(frameworks)
    .leftJoin(
      indicators,
      and(eq(indicators.frameworkCode, frameworks.code), eq(indicators.code, key.indicator)),
    )
    .leftJoin(periods, and(eq(periods.frameworkCode, frameworks.code), eq(periods.code, key.period)))
    .leftJoin(
      indicatorValues,
      and(
        eq(indicatorValues.countryIso3, key.country),
        eq(indicatorValues.indicatorId, indicators.id),
        eq(indicatorValues.periodId, periods.id),
      ),
    )
    .leftJoin(users, eq(users.id, indicatorValues.updatedBy))
    .where(eq(frameworks.code, key.framework))
    // Named: parsed once per connection, its plan reused (db/driver.ts says why).
    .prepare('load_save_context')
    .execute();
  if (!row) return null;
  const { evidence, holders, value, updatedByName, comment, period, ...rest } = row;
  return {
    ...rest,
    period,
    holders: jsonOf<Holder[]>(holders) ?? [],
    existing: value
      ? {
          found: { value, updatedByName } as FoundValue,
          comment,
          evidence: jsonOf<EvidenceLink[]>(evidence) ?? [],
        }
      : null,
  };
}
export type SaveContext = NonNullable<Awaited<ReturnType<typeof loadSaveContext>>>;
