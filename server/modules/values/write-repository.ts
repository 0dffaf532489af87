import { and, eq } from 'drizzle-orm';
import type { EvidenceLink } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { mapTableRow, preparedText, tableColumns } from '../../db/driver';
import { indicators, indicatorValues, users } from '../../db/schema';

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
 * The statement, written once: the save runs it on every request, and drizzle's query builder took
 * ~0.35 ms of Node's time per save to build it and map its row (a CPU profile of 4,000 saves).
 * $1 country, $2 framework, $3 indicator, $4 period.
 */
const SAVE_CONTEXT_SQL = `
  select f.code as "f.code", f.name as "f.name", f.kind as "f.kind",
    ${tableColumns(indicators, 'i', 'i')},
    p.id as "p.id", p.code as "p.code",
    exists (select 1 from countries c where c.iso3 = $1) as "countryFound",
    ${tableColumns(indicatorValues, 'v', 'v')},
    u.display_name as "updatedByName",
    (select vc.body from value_comments vc where vc.value_id = v.id and vc.kind = 'entry'
      order by vc.id desc limit 1) as "comment",
    (select json_agg(json_build_object('url', ve.url, 'title', ve.title) order by ve.id)
      from value_evidence ve where ve.value_id = v.id) as "evidence",
    -- Locked FOR SHARE here, before the write statement bumps analytics_version: a workflow transition
    -- locks its submission FOR UPDATE and then bumps the version, so taking them in the other order
    -- would deadlock against it. The lock is held to the end of the caller's transaction.
    (select json_agg(json_build_object('state', h.state, 'demo', h.demo))
      from (select s.state, pp.demo from submissions s
        join plan_periods pp on pp.id = s.plan_period_id
        join plans pl on pl.id = pp.plan_id
        join plan_indicators pi on pi.plan_id = pl.id and pi.indicator_id = i.id
        where s.country_iso3 = $1 and pp.code = $4
        for share of s) h) as "holders"
  from frameworks f
  left join indicators i on i.framework_code = f.code and i.code = $3
  left join periods p on p.framework_code = f.code and p.code = $4
  left join indicator_values v on v.country_iso3 = $1 and v.indicator_id = i.id and v.period_id = p.id
  left join users u on u.id = v.updated_by
  where f.code = $2`;

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
  const [row] = await preparedText<Record<string, unknown>>(db, SAVE_CONTEXT_SQL, [
    key.country,
    key.framework,
    key.indicator,
    key.period,
  ]);
  if (!row) return null;
  const value = mapTableRow(indicatorValues, row, 'v');
  return {
    framework: {
      code: row['f.code'] as string,
      name: row['f.name'] as string,
      kind: row['f.kind'] as string,
    },
    indicator: mapTableRow(indicators, row, 'i'),
    period: row['p.id'] == null ? null : { id: Number(row['p.id']), code: row['p.code'] as string },
    countryFound: row.countryFound === true,
    holders: jsonOf<Holder[]>(row.holders) ?? [],
    existing: value
      ? {
          found: { value, updatedByName: (row.updatedByName as string | null) ?? null } as FoundValue,
          comment: (row.comment as string | null) ?? null,
          evidence: jsonOf<EvidenceLink[]>(row.evidence) ?? [],
        }
      : null,
  };
}
export type SaveContext = NonNullable<Awaited<ReturnType<typeof loadSaveContext>>>;
