import type { AdxMapping } from '../../../../shared';
import type { ExportScope } from '../scope';
import { EXPORT_ORDER, exportWhereSql, literal, SOURCE_SQL } from '../select-sql';

/** XML-escapes a text expression for an attribute or an element's text (& < > "). */
const esc = (e: string) =>
  `replace(replace(replace(replace(${e}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;')`;

/**
 * ISO 8601 start/duration of a period, as ADX wants it, from two date expressions: whole years
 * starting in January (2020-01-01/P1Y), whole months (2024-04-01/P3M), else days (2024-03-15/P7D).
 */
export function adxPeriodSql(start: string, end: string): string {
  const next = `(${end} + 1)`;
  const months = `((extract(year from ${next}) - extract(year from ${start})) * 12 + extract(month from ${next}) - extract(month from ${start}))::int`;
  return `(to_char(${start}, 'YYYY-MM-DD') || '/' || case
    when extract(day from ${start}) = 1 and extract(day from ${next}) = 1 and ${months} > 0
      then case when ${months} % 12 = 0 and extract(month from ${start}) = 1
        then 'P' || (${months} / 12) || 'Y' else 'P' || ${months} || 'M' end
    else 'P' || (${next} - ${start}) || 'D' end)`;
}

/**
 * One row per value of the scope (approved and published only: the ADX scope has no drafts), in the
 * export's order, with `why`: null when the value is written, else why it is left out (the
 * `x-adx-skipped` wording: "dataElement tracss-2019-2020:4.1 not mapped", "no_data values", "text
 * values (not numeric)"); `line`: its dataValue element; `gkey`: its group (country × framework × period).
 * The mapping `m` is inlined as one JSON literal (`COPY` takes no parameters).
 */
function valuesSql(scope: ExportScope, m: AdxMapping, countries: string[]): string {
  const map = `${literal(JSON.stringify(m))}::jsonb`;
  const own = `(i.framework_code || ':' || i.code)`;
  const missing = `concat_ws(', ',
      case when (${map}->'orgUnits'->>v.country_iso3) is null then 'orgUnit ' || v.country_iso3 end,
      case when (${map}->'dataSets'->>i.framework_code) is null then 'dataSet ' || i.framework_code end,
      case when (${map}->'dataElements'->>${own}) is null then 'dataElement ' || ${own} end)`;
  // A number as xs:decimal (no exponent): the shortest text that reads back as the same double.
  const decimal = `(v.numeric_value::text)::numeric::text`;
  const finite = `v.numeric_value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;
  const levelOption = `(${map}->'levels'->'options'->>v.level)`;
  const attrs = `case
      when i.measure_type = 'level' and ${map}->'levels' <> 'null'::jsonb
        then ${esc(`${map}->'levels'->>'attribute'`)} || '="' || ${esc(levelOption)} || '" value="1"'
      when i.measure_type = 'level' then 'value="' || (position(v.level in 'ABCDE')) || '"'
      when i.measure_type = 'yes_no' then 'value="' || case when v.numeric_value = 1 then 1 else 0 end || '"'
      else 'value="' || ${decimal} || '"' end`;
  const why = `case
      when ${m.strict ? `${missing} <> ''` : 'false'} then ${missing} || ' not mapped'
      when v.status <> 'reported' then v.status || ' values'
      when i.measure_type = 'level' and v.level is not null then null
      when i.measure_type = 'yes_no' then null
      when i.measure_type not in ('text', 'single_choice', 'multiple_choice')
        and v.numeric_value is not null and ${finite} then null
      else i.measure_type || ' values (not numeric)' end`;
  return `select ${why} as why,
    v.country_iso3 || '|' || i.framework_code || '|' || p.code as gkey,
    '<group orgUnit="' || ${esc(`coalesce(${map}->'orgUnits'->>v.country_iso3, v.country_iso3)`)}
      || '" period="' || ${adxPeriodSql('p.start_date', 'p.end_date')}
      || '" dataSet="' || ${esc(`coalesce(${map}->'dataSets'->>i.framework_code, i.framework_code)`)} || '">' as head,
    '  <dataValue dataElement="' || ${esc(`coalesce(${map}->'dataElements'->>${own}, ${own})`)} || '" '
      || ${attrs} || '><annotation>source: ' || ${SOURCE_SQL} || '</annotation></dataValue>' as line,
    row_number() over (order by ${EXPORT_ORDER}) as n
  from indicator_values v
  join indicators i on i.id = v.indicator_id
  join periods p on p.id = v.period_id
  join value_provenance vp on vp.value_id = v.id
  where ${exportWhereSql(scope, countries).join('\n    and ')}`;
}

/**
 * What the document of these countries holds, counted by Postgres: one row per reason, in the order
 * each first occurs (`why` null: the values written, with `groups` the groups they make).
 */
export function adxCountSql(scope: ExportScope, m: AdxMapping, countries: string[]): string {
  return `select why, count(*)::int as n, count(distinct gkey)::int as groups
  from (${valuesSql(scope, m, countries)}) x
  group by why
  order by min(n)`;
}

/**
 * The document's body for these countries, one XML line per row, written by Postgres through
 * `COPY … TO STDOUT` (CSV with a quote and a delimiter XML text never holds, so each line is copied as
 * is; a line has no line break): a group's head before its first written value, `</group>` after its last.
 */
export function adxCopySql(scope: ExportScope, m: AdxMapping, countries: string[]): string {
  const select = `select l.text from (
    select x.*,
      x.gkey is distinct from lag(x.gkey) over w as first,
      x.gkey is distinct from lead(x.gkey) over w as last
    from (${valuesSql(scope, m, countries)}) x
    where x.why is null
    window w as (order by x.n)
  ) y
  cross join lateral (values (0, y.head), (1, y.line), (2, '</group>')) as l(part, text)
  where (l.part = 0 and y.first) or l.part = 1 or (l.part = 2 and y.last)
  order by y.n, l.part`;
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`;
}
