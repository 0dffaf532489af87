import { sql } from 'drizzle-orm';
import { type DbOrTx, toRows } from '../../db/client';
import type { RoundContext } from './group';

/** The countries a round puts in this WHO region or income group (nap_round_class, migration 0011). */
export async function roundMembers(db: DbOrTx, attribute: string, key: string, round: RoundContext) {
  const rows = await db.execute(sql`
    select iso3 from countries
    where nap_round_class(iso3, ${attribute}, ${round.frameworkCode}, ${round.endDate}::date) = ${key}
    order by name, iso3`);
  return toRows<{ iso3: string }>(rows).map((r) => r.iso3);
}

/** A country's WHO region or income group as the round classifies it; null when it has none. */
export async function roundClassOf(db: DbOrTx, iso3: string, attribute: string, round: RoundContext) {
  const rows = await db.execute(sql`
    select nap_round_class(${iso3}, ${attribute}, ${round.frameworkCode}, ${round.endDate}::date) as value`);
  return toRows<{ value: string | null }>(rows)[0]?.value ?? null;
}
