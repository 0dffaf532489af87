import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import {
  type Column,
  DrizzleQueryError,
  type GetColumnData,
  getTableColumns,
  getTableName,
  type InferSelectModel,
  Placeholder,
  type SQL,
  type Table,
} from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import type { DbOrTx } from './client';

/** The driver's own client under a drizzle database or transaction (drizzle keeps it as session.client). */
export function driverClient(db: DbOrTx): { sql: Sql } | { pglite: Pick<PgliteTransaction, 'query'> } {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof client === 'function' && 'unsafe' in client) return { sql: client as Sql };
  if (typeof client === 'object' && client !== null && 'query' in client && 'exec' in client) {
    return { pglite: client as PgliteTransaction };
  }
  throw new Error('driverClient: neither a postgres.js nor a PGlite drizzle database');
}

const dialect = new PgDialect();

/**
 * A statement built once from drizzle's sql template with `sql.placeholder('name')` for every input: its
 * text, and where each parameter comes from. For a hot statement whose shape varies a little (one
 * template per shape): building it with drizzle on every run cost more of Node's CPU than the parameters.
 */
export interface SqlTemplate {
  text: string;
  /** Per parameter: the placeholder's name, or the fixed value written into the template. */
  params: ({ name: string } | { value: unknown })[];
}

export function sqlTemplate(query: SQL): SqlTemplate {
  const q = dialect.sqlToQuery(query);
  return {
    text: q.sql,
    params: q.params.map((p) => (p instanceof Placeholder ? { name: p.name } : { value: p })),
  };
}

/** Runs a template (preparedText) with a value for each of its placeholders. */
export function templateRows<T>(db: DbOrTx, t: SqlTemplate, values: Record<string, unknown>): Promise<T[]> {
  const params = t.params.map((p) => {
    if (!('name' in p)) return p.value;
    if (!(p.name in values)) throw new Error(`sqlTemplate: no value for ${p.name}`);
    return values[p.name];
  });
  return preparedText<T>(db, t.text, params);
}

/**
 * Runs a statement the hot write paths run on every request as a named prepared statement on
 * postgres.js: Postgres parses it once per connection and, after a few runs, reuses a generic plan
 * instead of planning it again (drizzle's `execute` sends every statement unnamed: parsed and planned
 * each time). The connection keeps each distinct text for its life, so only statements whose text is
 * fixed (values as parameters, a bounded number of variants) may come here. PGlite runs it unprepared.
 * The text is built once, at module load (written out, or by sqlTemplate): no query builder runs per call.
 * Read its table columns back with tableColumns and mapTableRow.
 */
export async function preparedText<T>(db: DbOrTx, text: string, params: unknown[]): Promise<T[]> {
  const client = driverClient(db);
  try {
    if ('sql' in client)
      return (await client.sql.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
    return (await client.pglite.query<T>(text, params, { parsers: AS_TEXT })).rows;
  } catch (err) {
    // As drizzle reports a failed query (the driver's error as its cause): the log names the statement,
    // with its parameters redacted (server/logging.ts), and the error mapping reads the cause's code.
    throw new DrizzleQueryError(text, params, err as Error);
  }
}

/**
 * Dates, times and intervals read as Postgres writes them, as drizzle reads them on both drivers (it
 * sets the same parsers on postgres.js and on each PGlite query), so a column's mapFromDriverValue
 * gets what it expects and both databases give the same values. Type OIDs: date, timestamp,
 * timestamptz, interval.
 */
const AS_TEXT = Object.fromEntries([1082, 1114, 1184, 1186].map((oid) => [oid, (v: string) => v]));

/**
 * Whole rows of one table by a fixed WHERE / ORDER BY over $1…$n (the table is aliased `t`), run as
 * preparedText and read back as drizzle's `select()` gives them: for the key look-ups every
 * comparison starts with, where drizzle's query builder cost more of Node's CPU than the query
 * (~0.3 ms of a ~2.5 ms comparison, CPU profile of the bench's comparison, 6 December).
 */
export function tableRowsQuery<T extends Table>(table: T, clauses: string) {
  const text = `select ${tableColumns(table, 't', 't')} from "${getTableName(table)}" t ${clauses}`;
  return async (db: DbOrTx, params: unknown[]): Promise<InferSelectModel<T>[]> => {
    const rows = await preparedText<Record<string, unknown>>(db, text, params);
    return rows.map((r) => mapTableRow(table, r, 't') as InferSelectModel<T>);
  };
}

/** A table's columns as `alias."column" as "prefix.column"`, for a select written by hand (mapTableRow). */
export function tableColumns(table: Table, alias: string, prefix: string): string {
  return Object.values(getTableColumns(table))
    .map((c) => `${alias}."${c.name}" as "${prefix}.${c.name}"`)
    .join(', ');
}

/**
 * The table's row out of tableColumns' columns, typed and keyed as drizzle's own select gives it (each
 * column's mapping from the driver's value); null when its first column (the key) is null: a left join
 * that found nothing.
 */
export function mapTableRow<T extends Table>(
  table: T,
  raw: Record<string, unknown>,
  prefix: string,
): InferSelectModel<T> | null {
  const fields = fieldsOf(table, prefix);
  const first = fields[0];
  if (!first || raw[first.key] == null) return null;
  const row: Record<string, unknown> = {};
  for (const { name, key, column } of fields) {
    const v = raw[key];
    row[name] = v == null ? null : column.mapFromDriverValue(v);
  }
  return row as InferSelectModel<T>;
}

type Field = { name: string; key: string; column: Column };
const fieldLists = new WeakMap<Table, Map<string, Field[]>>();

/** Each column's property name, its key in tableColumns' rows, and the column: listed once per table and prefix. */
function fieldsOf(table: Table, prefix: string): Field[] {
  let byPrefix = fieldLists.get(table);
  if (!byPrefix) {
    byPrefix = new Map();
    fieldLists.set(table, byPrefix);
  }
  let fields = byPrefix.get(prefix);
  if (!fields) {
    fields = Object.entries(getTableColumns(table)).map(([name, column]) => ({
      name,
      key: `${prefix}.${column.name}`,
      column,
    }));
    byPrefix.set(prefix, fields);
  }
  return fields;
}

/** Columns picked from several tables, under the names a select gives them (as drizzle's `select({ … })`). */
export type SelectedColumns = Record<string, Column>;

/**
 * The select list of a statement written by hand: each column as `alias."column" as "name"`, its table's
 * alias from `aliases` (by table name). Read the rows back with mapSelected.
 */
export function selectList(fields: SelectedColumns, aliases: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, column]) => {
      const alias = aliases[getTableName(column.table)];
      if (!alias) throw new Error(`selectList: no alias for table ${getTableName(column.table)}`);
      return `${alias}."${column.name}" as "${name}"`;
    })
    .join(', ');
}

/** A row of selectList's columns, typed and mapped as drizzle's `select({ … })` gives it. */
export function mapSelected<F extends SelectedColumns>(
  fields: F,
  raw: Record<string, unknown>,
): { [K in keyof F]: GetColumnData<F[K]> } {
  const row: Record<string, unknown> = {};
  for (const name in fields) {
    const v = raw[name];
    row[name] = v == null ? null : (fields[name] as Column).mapFromDriverValue(v);
  }
  return row as { [K in keyof F]: GetColumnData<F[K]> };
}
