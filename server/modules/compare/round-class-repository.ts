import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sqlTemplate, templateRows } from '../../db/driver';
import type { RoundContext } from './group';

/** A value of the statement, or a placeholder of a statement built once (sqlTemplate). */
type Input = string | Placeholder;
const p = (name: string) => sql.placeholder(name);

/**
 * Every country with its WHO region or income group as the round classifies it, as a relation (iso3, value):
 * nap_round_class (migration 0011) for all countries at once. The same rule, in the same order: the round's
 * own file, else the reference in force at the round's end (its latest entry by valid_from), else today's.
 * Calling nap_round_class once per country (249 calls) took 8.9 ms on the bench database; this set 1.9 ms.
 * A test holds the two equal (tests/server/classification.test.ts).
 */
export function roundClasses(
  attribute: Input,
  round: { frameworkCode: Input; endDate: Input } = { frameworkCode: p('framework'), endDate: p('endDate') },
): SQL {
  const asOf = sql`${round.endDate}::date`;
  return sql`(select c.iso3, coalesce(
      case ${attribute} when 'who_region' then r.who_region else r.income_group end,
      h.value,
      case ${attribute} when 'who_region' then c.who_region::text else c.income_group::text end) as value
    from countries c
    left join round_classifications r on r.framework_code = ${round.frameworkCode} and r.iso3 = c.iso3
    left join (
      select distinct on (h.iso3) h.iso3, h.value from country_classifications h
      where h.attribute = ${attribute} and (h.valid_from is null or h.valid_from <= ${asOf})
        and (h.valid_to is null or h.valid_to > ${asOf})
      order by h.iso3, h.valid_from desc nulls last) h on h.iso3 = c.iso3)`;
}

/*
 * The statements below run on comparison requests: built once as text with placeholders (sqlTemplate),
 * since drizzle building them on every request cost more of Node's CPU than the parameters (CPU profile
 * of the computed comparison, 6 December).
 */
const ROUND_MEMBERS = sqlTemplate(sql`
    select c.iso3 from countries c join ${roundClasses(p('attribute'))} k on k.iso3 = c.iso3
    where k.value = ${p('key')}
    order by c.name, c.iso3`);

/** The countries a round puts in this WHO region or income group, by name. */
export async function roundMembers(db: DbOrTx, attribute: string, key: string, round: RoundContext) {
  const rows = await templateRows<{ iso3: string }>(db, ROUND_MEMBERS, {
    attribute,
    key,
    framework: round.frameworkCode,
    endDate: round.endDate,
  });
  return rows.map((r) => r.iso3);
}

const ROUND_CLASS_OF = sqlTemplate(sql`
    select nap_round_class(${p('iso3')}, ${p('attribute')}, ${p('framework')}, ${p('endDate')}::date) as value`);

/** A country's WHO region or income group as the round classifies it; null when it has none. */
export async function roundClassOf(db: DbOrTx, iso3: string, attribute: string, round: RoundContext) {
  const rows = await templateRows<{ value: string | null }>(db, ROUND_CLASS_OF, {
    iso3,
    attribute,
    framework: round.frameworkCode,
    endDate: round.endDate,
  });
  return rows[0]?.value ?? null;
}

const ROUND_CLASS_OF_PERIOD = sqlTemplate(sql`
    select p.code as period, nap_round_class(${p('iso3')}, ${p('attribute')}, ${p('framework')}, p.end_date) as value
    from periods p
    where p.framework_code = ${p('framework')} and (${p('code')}::text is null or p.code = ${p('code')}::text)
    order by p.start_date desc
    limit 1`);

/**
 * roundClassOf for a period given by its code, or for the framework's latest period (by start date, as
 * resolvePeriod takes it) when none is: with the period's code, so that a caller running this beside its
 * own period look-up can check that both read the same period. Null when the framework has no such period.
 */
export async function roundClassOfPeriod(
  db: DbOrTx,
  iso3: string,
  attribute: string,
  frameworkCode: string,
  periodCode: string | undefined,
): Promise<{ period: string; value: string | null } | null> {
  const rows = await templateRows<{ period: string; value: string | null }>(db, ROUND_CLASS_OF_PERIOD, {
    iso3,
    attribute,
    framework: frameworkCode,
    code: periodCode ?? null,
  });
  return rows[0] ?? null;
}
