import { type SQL, sql } from 'drizzle-orm';
import type { EvidenceLink } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { preparedRows } from '../../db/driver';
import type { WriteChannel } from '../audit/channel';
import type { ValueColumns, ValueKey } from './write-repository';

export interface ValueWrite {
  key: ValueKey;
  /** The period's code: submissions are found by it (plan periods carry the reporting period's code). */
  periodCode: string;
  columns: ValueColumns;
  /** The stored value's id and the version the writer read; null to create the value. */
  update: { id: number; version: number } | null;
  /** A comment to add (it differs from the latest one), or null. */
  comment: string | null;
  /** Links that replace the value's evidence, or null to keep them. */
  evidence: EvidenceLink[] | null;
  userId: number;
  at: Date;
  channel: WriteChannel;
  audit: { old: Record<string, unknown> | null; new: Record<string, unknown> };
}

export interface WriteOutcome {
  /** The written row; null when nothing was written (locked, or a stale version / a concurrent create). */
  row: { id: number; version: number; choices: string[] | null } | null;
  /** A submission that holds the value was submitted or approved. */
  locked: boolean;
}

/**
 * One statement writes a value save: it writes nothing if a submission that holds the value is submitted
 * or approved (the caller's loadSaveContext locked them FOR SHARE earlier in the same transaction; they
 * are not locked here, after this statement's trigger has bumped analytics_version, which a transition
 * takes in the other order); it updates the value only at the version the writer read (or creates it,
 * unless another writer did first), then adds the comment, replaces the evidence and writes the audit
 * row, all or nothing. The statement triggers of indicator_values run once, as for any statement. No
 * savepoint is needed around it: it either writes everything or nothing, and what the caller read before
 * does not change the database. (When it writes nothing — another writer got there between the caller's
 * read and this statement — its BEFORE STATEMENT trigger has still bumped analytics_version: cached
 * comparisons are recomputed once.)
 */
export async function writeValue(db: DbOrTx, w: ValueWrite): Promise<WriteOutcome> {
  const c = w.columns;
  const at = w.at.toISOString();
  const unlocked = sql`not exists (select 1 from held where state in ('submitted', 'approved'))`;
  const written: SQL = w.update
    ? sql`update indicator_values set status = ${c.status}, level = ${c.level}, numeric_value = ${c.numericValue}::float8,
        numerator = ${c.numerator}::float8, denominator = ${c.denominator}::float8, text_value = ${c.textValue},
        status_reason = ${c.statusReason}, version = ${w.update.version + 1}::int, updated_at = ${at}::timestamptz,
        updated_by = ${w.userId}::int
      where id = ${w.update.id}::bigint and version = ${w.update.version}::int and ${unlocked}
      returning id, version, choices`
    : sql`insert into indicator_values (country_iso3, indicator_id, period_id, status, level, numeric_value,
        numerator, denominator, text_value, status_reason, version, updated_at, updated_by)
      select ${w.key.countryIso3}, ${w.key.indicatorId}::int, ${w.key.periodId}::int, ${c.status}, ${c.level},
        ${c.numericValue}::float8, ${c.numerator}::float8, ${c.denominator}::float8, ${c.textValue},
        ${c.statusReason}, 1, ${at}::timestamptz, ${w.userId}::int
      where ${unlocked}
      on conflict do nothing
      returning id, version, choices`;
  const evidence = w.evidence
    ? sql`, evidence_gone as (delete from value_evidence where value_id in (select id from w)),
      evidence_new as (insert into value_evidence (value_id, url, title, added_by, created_at)
        select w.id, e.url, e.title, ${w.userId}::int, ${at}::timestamptz
        from w, rows from (json_to_recordset(${JSON.stringify(w.evidence)}::json) as (url text, title text))
          with ordinality as e(url, title, n)
        order by e.n)`
    : sql``;
  const comment =
    w.comment !== null
      ? sql`, commented as (insert into value_comments (value_id, body, author_id, created_at)
        select id, ${w.comment}, ${w.userId}::int, ${at}::timestamptz from w)`
      : sql``;
  const [r] = await preparedRows<{
    id: number | null;
    version: number | null;
    choices: string[] | null;
    locked: boolean;
  }>(
    db,
    sql`
    with held as (
      select s.state from submissions s
      join plan_periods pp on pp.id = s.plan_period_id
      join plans pl on pl.id = pp.plan_id
      join plan_indicators pi on pi.plan_id = pl.id and pi.indicator_id = ${w.key.indicatorId}::int
      where s.country_iso3 = ${w.key.countryIso3} and pp.code = ${w.periodCode}
    ),
    w as (${written})${evidence}${comment},
    audited as (
      insert into audit_log (entity_type, entity_id, action, country_iso3, user_id, at, old, new, channel,
        channel_detail)
      select 'value', id::text, ${w.update ? 'update' : 'create'}, ${w.key.countryIso3}, ${w.userId}::int,
        ${at}::timestamptz, ${w.audit.old === null ? null : JSON.stringify(w.audit.old)}::jsonb,
        ${JSON.stringify(w.audit.new)}::jsonb, ${w.channel.channel}, ${w.channel.channelDetail}
      from w
    )
    select (select id from w)::float8 as id, (select version from w) as version,
      (select choices from w) as choices,
      exists (select 1 from held where state in ('submitted', 'approved')) as locked`,
  );
  if (!r) throw new Error('value save: the statement answered no row');
  const row =
    r.id === null || r.version === null
      ? null
      : { id: Number(r.id), version: Number(r.version), choices: r.choices ?? null };
  return { row, locked: r.locked };
}
