import { EXPORT_COLUMNS } from '../../../shared';
import { CHOICE_MEASURE_TYPES } from '../../../shared/domain/indicator';
import { columnLetters } from '../../lib/spreadsheet';
import type { PlanLink } from './plan-links';
import type { ExportScope } from './scope';
import { exportSelectSql, exportWhereSql, literal, NUMBER_TEXT } from './select-sql';

// Characters XML 1.0 does not allow (C0 controls but tab, LF and CR, and U+FFFE, U+FFFF) are removed,
// as the JavaScript writer does (server/lib/spreadsheet/xlsx-writer.ts); chr() of constants is folded
// once per query.
const NOT_XML = [...Array.from({ length: 31 }, (_, i) => i + 1), 0xfffe, 0xffff]
  .filter((c) => c !== 9 && c !== 10 && c !== 13)
  .map((c) => `chr(${c})`)
  .join(' || ');

/**
 * Text as XML content: & and < escaped (> needs no escape in content), CR and LF as references (a
 * parser would turn CR LF into LF, and COPY would quote a line holding either).
 */
const esc = (e: string) =>
  `replace(replace(replace(replace(${e}, '&', '&amp;'), '<', '&lt;'), chr(13), '&#13;'), chr(10), '&#10;')`;
const clean = (e: string) => esc(`translate(${e}, ${NOT_XML}, '')`);

/** A piece of a row: literal text, or an SQL expression of text. */
type Part = { lit: string } | { sql: string };
const lit = (s: string): Part => ({ lit: s });
const expr = (s: string): Part => ({ sql: s });
/** concat()'s arguments, neighbouring literals merged: one allocation per row, not one per piece. */
function concatArgs(parts: Part[]): string {
  const out: string[] = [];
  let pending = '';
  for (const p of parts) {
    if ('lit' in p) pending += p.lit;
    else {
      if (pending) out.push(literal(pending));
      pending = '';
      out.push(p.sql);
    }
  }
  if (pending) out.push(literal(pending));
  return out.join(', ');
}

type Kind = 'free' | 'code' | 'checked';
/**
 * Text: free text (what people typed) cleaned of what XML does not allow and escaped, with its spaces
 * kept; codes escaped; values the database checks or the query computes (ISO3 codes, levels, statuses,
 * workflow and source names, timestamps) written as they are.
 */
const text = (col: string, e: string, kind: Kind): Part[] =>
  kind === 'free'
    ? [
        lit(`<c r="${col}`),
        expr('q.n'),
        lit('" t="inlineStr"><is><t xml:space="preserve">'),
        expr(clean(e)),
        lit('</t></is></c>'),
      ]
    : [
        lit(`<c r="${col}`),
        expr('q.n'),
        lit('" t="inlineStr"><is><t>'),
        expr(kind === 'code' ? esc(e) : e),
        lit('</t></is></c>'),
      ];
const num = (col: string, e: string): Part[] => [
  lit(`<c r="${col}`),
  expr('q.n'),
  lit('"><v>'),
  expr(`(${e})::text`),
  lit('</v></c>'),
];
/** One cell that may be absent: no cell for null or empty text. */
const maybe = (when: string, parts: Part[]) => `case when ${when} then concat(${concatArgs(parts)}) end`;
const nonEmpty = (e: string) => `${e} <> ''`;
/** A double precision: a number cell when finite (XML has no infinity), else its text. */
const float = (col: string, e: string) =>
  `case when abs(${e}) < 'Infinity'::float8 then concat(${concatArgs(num(col, e))})
    when ${e} is not null then concat(${concatArgs(text(col, `${e}::text`, 'checked'))}) end`;

/** A column of the export (the shared list): a misspelt or renamed one in the sets below fails the type check. */
type Column = (typeof EXPORT_COLUMNS)[number];

/** Columns the typed SELECT never leaves null (codes and names of the row's keys, its state). */
const ALWAYS = new Set<Column>([
  'country',
  'country_name',
  'framework',
  'indicator',
  'indicator_name',
  'period',
  'period_label',
  'year',
  'measure_type',
  'status',
  'workflow',
  'source',
  'updated_at',
]);
const FREE = new Set<Column>([
  'country_name',
  'plan_period',
  'indicator',
  'indicator_name',
  'period',
  'period_label',
  'unit',
  'reason',
]);
const CODES = new Set<Column>(['framework', 'measure_type']);
const NUMBERS = new Set<Column>(['plan_id', 'year']);
const FLOATS = new Set<Column>(['numerator', 'denominator']);

function cell(column: Column, col: string): Part[] {
  const e = `q.${column}`;
  if (column === 'value') {
    const choice = CHOICE_MEASURE_TYPES.map(literal).join(', ');
    const yesNo = "case when q.numeric_value = 1 then 'yes' else 'no' end";
    return [
      expr(`case when q.status <> 'reported' then null
    when q.measure_type = 'level' then ${maybe('q.level is not null', text(col, 'q.level', 'checked'))}
    when q.measure_type = 'yes_no' then concat(${concatArgs(text(col, yesNo, 'checked'))})
    when q.measure_type in ('text', ${choice}) then ${maybe(nonEmpty('q.text_value'), text(col, 'q.text_value', 'free'))}
    else ${float(col, 'q.numeric_value')} end`),
    ];
  }
  if (column === 'target')
    return [
      expr(`case when q.target ~ ${NUMBER_TEXT} and abs(q.target::numeric) < 1e300
      then concat(${concatArgs(num(col, 'q.target::float8'))})
    else ${maybe(nonEmpty('q.target'), text(col, 'q.target', 'free'))} end`),
    ];
  if (FLOATS.has(column)) return [expr(float(col, e))];
  const parts = NUMBERS.has(column)
    ? num(col, e)
    : text(col, e, FREE.has(column) ? 'free' : CODES.has(column) ? 'code' : 'checked');
  if (ALWAYS.has(column)) return parts;
  return [expr(maybe(NUMBERS.has(column) ? `${e} is not null` : nonEmpty(e), parts))];
}

/**
 * The Values sheet's rows as SpreadsheetML written by Postgres: one `<row>` per export row, numbered
 * from `firstRow`, each on its own line of `COPY … TO STDOUT` (CSV format with a quote and a delimiter
 * the XML never holds, and no raw CR or LF: every line is copied as is). The same cells as the typed
 * rows (rows.ts): the value by measure type, the target a number when it reads as one, no cell for
 * null or empty text.
 */
export function valuesRowsCopySql(
  scope: ExportScope,
  links: PlanLink[],
  countries: string[],
  firstRow: number,
): string {
  const typed = exportSelectSql(scope, links, { csv: false, countries });
  const parts = [
    lit('<row r="'),
    expr('q.n'),
    lit('">'),
    ...EXPORT_COLUMNS.flatMap((c, i) => cell(c, columnLetters(i + 1))),
    lit('</row>'),
  ];
  const select = `select concat(${concatArgs(parts)})
from (select s.*, (row_number() over () + ${Math.trunc(firstRow) - 1})::text as n from (${typed}) s) q`;
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`;
}

export interface IndicatorLine {
  framework: string;
  indicator: string;
  indicator_name: string;
  measure_type: string;
  unit: string | null;
}

/**
 * The indicators of the export's rows, by framework and their order in it: those of at least one row
 * (a semi-join, cheaper than reading the rows again in their order).
 */
export function exportIndicatorsSql(scope: ExportScope, countries: string[]): string {
  const where = exportWhereSql(scope, countries);
  return `select ix.framework_code as framework, ix.code as indicator,
  ix.name || coalesce(' — ' || ix.sub_item, '') as indicator_name, ix.measure_type, ix.unit
from indicators ix
where ix.id in (select v.indicator_id
  from indicator_values v
  join indicators i on i.id = v.indicator_id
  join periods p on p.id = v.period_id
  join value_provenance vp on vp.value_id = v.id
  where ${where.join('\n    and ')})
order by ix.framework_code, ix.sort_order, ix.code`;
}
