import { type SQL, sql } from 'drizzle-orm';
import type { EvidenceLink } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { type SqlTemplate, sqlTemplate, templateRows } from '../../db/driver';
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
  const shape = { update: w.update !== null, evidence: w.evidence !== null, comment: w.comment !== null };
  const name = `${shape.update ? 'update' : 'create'}${shape.evidence ? '+evidence' : ''}${shape.comment ? '+comment' : ''}`;
  let template = SAVE_STATEMENTS.get(name);
  if (!template) {
    template = sqlTemplate(saveStatement(shape));
    SAVE_STATEMENTS.set(name, template);
  }
  const [r] = await templateRows<{
    id: number | null;
    version: number | null;
    choices: string[] | null;
    locked: boolean;
  }>(db, template, {
    // The value's columns, under the names saveStatement gives their placeholders.
    ...w.columns,
    at: w.at.toISOString(),
    userId: w.userId,
    id: w.update?.id ?? null,
    version: w.update?.version ?? null,
    newVersion: w.update ? w.update.version + 1 : 1,
    countryIso3: w.key.countryIso3,
    indicatorId: w.key.indicatorId,
    periodId: w.key.periodId,
    periodCode: w.periodCode,
    evidence: w.evidence ? JSON.stringify(w.evidence) : null,
    comment: w.comment,
    action: w.update ? 'update' : 'create',
    old: w.audit.old === null ? null : JSON.stringify(w.audit.old),
    new: JSON.stringify(w.audit.new),
    channel: w.channel.channel,
    channelDetail: w.channel.channelDetail,
  });
  if (!r) throw new Error('value save: the statement answered no row');
  const row =
    r.id === null || r.version === null
      ? null
      : { id: Number(r.id), version: Number(r.version), choices: r.choices ?? null };
  return { row, locked: r.locked };
}

/** The save statement of each shape (update or create, with new evidence, with a comment), built once. */
const SAVE_STATEMENTS = new Map<string, SqlTemplate>();

const p = (name: string) => sql.placeholder(name);

/** writeValue's statement, every input a placeholder (templateRows fills them). */
function saveStatement(shape: { update: boolean; evidence: boolean; comment: boolean }): SQL {
  const unlocked = sql`not exists (select 1 from held where state in ('submitted', 'approved'))`;
  const written: SQL = shape.update
    ? sql`update indicator_values set status = ${p('status')}, level = ${p('level')}, numeric_value = ${p('numericValue')}::float8,
        numerator = ${p('numerator')}::float8, denominator = ${p('denominator')}::float8, text_value = ${p('textValue')},
        status_reason = ${p('statusReason')}, version = ${p('newVersion')}::int, updated_at = ${p('at')}::timestamptz,
        updated_by = ${p('userId')}::int
      where id = ${p('id')}::bigint and version = ${p('version')}::int and ${unlocked}
      returning id, version, choices`
    : sql`insert into indicator_values (country_iso3, indicator_id, period_id, status, level, numeric_value,
        numerator, denominator, text_value, status_reason, version, updated_at, updated_by)
      select ${p('countryIso3')}, ${p('indicatorId')}::int, ${p('periodId')}::int, ${p('status')}, ${p('level')},
        ${p('numericValue')}::float8, ${p('numerator')}::float8, ${p('denominator')}::float8, ${p('textValue')},
        ${p('statusReason')}, 1, ${p('at')}::timestamptz, ${p('userId')}::int
      where ${unlocked}
      on conflict do nothing
      returning id, version, choices`;
  const evidence = shape.evidence
    ? sql`, evidence_gone as (delete from value_evidence where value_id in (select id from w)),
      evidence_new as (insert into value_evidence (value_id, url, title, added_by, created_at)
        select w.id, e.url, e.title, ${p('userId')}::int, ${p('at')}::timestamptz
        from w, rows from (json_to_recordset(${p('evidence')}::json) as (url text, title text))
          with ordinality as e(url, title, n)
        order by e.n)`
    : sql``;
  const comment = shape.comment
    ? sql`, commented as (insert into value_comments (value_id, body, author_id, created_at)
        select id, ${p('comment')}, ${p('userId')}::int, ${p('at')}::timestamptz from w)`
    : sql``;
  return sql`
    with held as (
      select s.state from submissions s
      join plan_periods pp on pp.id = s.plan_period_id
      join plans pl on pl.id = pp.plan_id
      join plan_indicators pi on pi.plan_id = pl.id and pi.indicator_id = ${p('indicatorId')}::int
      where s.country_iso3 = ${p('countryIso3')} and pp.code = ${p('periodCode')}
    ),
    w as (${written})${evidence}${comment},
    audited as (
      insert into audit_log (entity_type, entity_id, action, country_iso3, user_id, at, old, new, channel,
        channel_detail)
      select 'value', id::text, ${p('action')}, ${p('countryIso3')}, ${p('userId')}::int,
        ${p('at')}::timestamptz, ${p('old')}::jsonb,
        ${p('new')}::jsonb, ${p('channel')}, ${p('channelDetail')}
      from w
    )
    select (select id from w)::float8 as id, (select version from w) as version,
      (select choices from w) as choices,
      exists (select 1 from held where state in ('submitted', 'approved')) as locked`;
}
