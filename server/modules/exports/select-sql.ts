import { CHOICE_MEASURE_TYPES } from '../../../shared/domain/indicator';
import type { PlanLink } from './plan-links';
import type { ExportScope } from './scope';

/**
 * The export's SELECT as SQL text. COPY (SELECT …) TO STDOUT takes no bind parameters, so every
 * value is inlined here, each either checked by the zod filters (ISO3 codes, framework codes,
 * integers) or quoted by `literal` (standard_conforming_strings is on in every supported Postgres).
 */
export function literal(s: string): string {
  if (s.includes('\u0000')) throw new RangeError('NUL in SQL literal');
  return `'${s.replace(/'/g, "''")}'`;
}
const ints = (xs: number[]) => xs.map((x) => String(Math.trunc(x))).join(',');

/** Cells a spreadsheet would run as a formula get a leading apostrophe (CSV only; see docs/users/exports.md). */
const guard = (expr: string) =>
  `(case when left(${expr}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${expr} else ${expr} end)`;

/**
 * The value as one cell: the level letter, yes/no, the text, the option(s) chosen as worded (their
 * text, docs/decisions/choice-questions.md), or the number (ratio: computed).
 */
const valueText = (text: string) => `case when v.status <> 'reported' then null
  when i.measure_type = 'level' then v.level
  when i.measure_type = 'yes_no' then case when v.numeric_value = 1 then 'yes' else 'no' end
  when i.measure_type in ('text', 'single_choice', 'multiple_choice') then ${text}
  else v.numeric_value::text end`;

export interface SelectOptions {
  /** CSV: every column as text, formula-looking text guarded. JSON/XLSX: typed columns. */
  csv: boolean;
  countries: string[];
}

/**
 * The export's filters as SQL conditions on `v` (indicator_values), `i` (indicators), `p` (periods)
 * and `vp` (value_provenance).
 */
export function exportWhereSql(scope: ExportScope, countries: string[]): string[] {
  const inCountries = countries.map(literal).join(',') || 'null';
  const where: string[] = [`v.country_iso3 in (${inCountries})`];
  if (scope.frameworkCode) where.push(`i.framework_code = ${literal(scope.frameworkCode)}`);
  if (scope.from !== null) where.push(`extract(year from p.end_date) >= ${ints([scope.from])}`);
  if (scope.to !== null) where.push(`extract(year from p.end_date) <= ${ints([scope.to])}`);
  if (scope.plan)
    where.push(
      `v.indicator_id in (select indicator_id from plan_indicators where plan_id = ${ints([scope.plan.id])})`,
    );
  // One visibility rule (value_provenance, server/modules/visibility): published and approved values,
  // and unapproved ones only of the countries whose drafts the caller may read.
  const drafts = [...scope.draftCountries].filter((c) => countries.includes(c));
  where.push(
    drafts.length
      ? `(vp.workflow in ('approved','published') or v.country_iso3 in (${drafts.map(literal).join(',')}))`
      : `vp.workflow in ('approved','published')`,
  );
  return where;
}

/** Where a value comes from (published, demo, national_approved, national_draft), from `vp` (value_provenance). */
export const SOURCE_SQL = `(case when vp.workflow = 'published' then 'published' when vp.demo then 'demo'
      when vp.workflow = 'approved' then 'national_approved' else 'national_draft' end)`;

/** The order of the export's rows: country, framework, period, the indicator's place in its framework. */
export const EXPORT_ORDER = 'v.country_iso3, i.framework_code, p.start_date, p.code, i.sort_order, i.code';

export function exportSelectSql(scope: ExportScope, links: PlanLink[], o: SelectOptions): string {
  const t = (e: string) => (o.csv ? guard(e) : e);
  const where = exportWhereSql(scope, o.countries);
  const columns = [
    'v.country_iso3 as country',
    `${t('c.name')} as country_name`,
    'i.framework_code as framework',
    'l.pid as plan_id',
    `${t('l.pp')} as plan_period`,
    `${t('i.code')} as indicator`,
    `${t("i.name || coalesce(' — ' || i.sub_item, '')")} as indicator_name`,
    `${t('p.code')} as period`,
    `${t('p.label')} as period_label`,
    'extract(year from p.end_date)::int as year',
    'i.measure_type as measure_type',
    `${t('i.unit')} as unit`,
    o.csv
      ? `${valueText(t('v.text_value'))} as value`
      : 'v.numeric_value as numeric_value, v.text_value as text_value, ' +
        'p.start_date::text as period_start, p.end_date::text as period_end',
    'v.numerator as numerator',
    'v.denominator as denominator',
    'v.level as level',
    'v.status as status',
    `${t('v.status_reason')} as reason`,
    'l.t as target',
    'l.s as progress',
    'vp.workflow as workflow',
    `${SOURCE_SQL} as source`,
    'l.ts as target_source',
    'l.ps as progress_source',
    `to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at`,
  ];
  const json = literal(JSON.stringify(links));
  return `select ${columns.join(',\n  ')}
from indicator_values v
join indicators i on i.id = v.indicator_id
join periods p on p.id = v.period_id
join countries c on c.iso3 = v.country_iso3
join value_provenance vp on vp.value_id = v.id
left join jsonb_to_recordset(${json}::jsonb) as l(c text, i int, p int, pid int, pp text, t text, s text, ts text, ps text)
  on l.c = v.country_iso3 and l.i = v.indicator_id and l.p = v.period_id
where ${where.join('\n  and ')}
order by ${EXPORT_ORDER}`;
}

/** A target as the typed export gives it: a number when the text is one, else the text. */
export const NUMBER_TEXT = String.raw`'^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'`;

/**
 * The tidy export as NDJSON, one JSON object per row written by Postgres (`row_to_json`: the columns in
 * the export's order, compact), for `COPY … TO STDOUT` in CSV format with a quote and a delimiter that
 * JSON text never holds raw (control characters are escaped in JSON), so each line is copied as is.
 * The same values as the typed rows of rows.ts (`toRow`): value by measure type, target a number when
 * it reads as one.
 */
export function exportNdjsonSql(scope: ExportScope, links: PlanLink[], countries: string[]): string {
  const typed = exportSelectSql(scope, links, { csv: false, countries });
  const choice = CHOICE_MEASURE_TYPES.map(literal).join(', ');
  const select = `select row_to_json(j)::text from (select s.country, s.country_name, s.framework, s.plan_id,
  s.plan_period, s.indicator, s.indicator_name, s.period, s.period_label, s.year, s.measure_type, s.unit,
  case when s.status <> 'reported' then null::json
    when s.measure_type = 'level' then to_json(s.level)
    when s.measure_type = 'yes_no' then to_json(case when s.numeric_value = 1 then 'yes' else 'no' end)
    when s.measure_type in ('text', ${choice}) then to_json(s.text_value)
    else to_json(s.numeric_value) end as value,
  s.numerator, s.denominator, s.level, s.status, s.reason,
  case when s.target is null then null::json
    when s.target ~ ${NUMBER_TEXT} then to_json(s.target::float8)
    else to_json(s.target) end as target,
  s.progress, s.workflow, s.source, s.target_source, s.progress_source, s.updated_at
from (${typed}) s) j`;
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`;
}
