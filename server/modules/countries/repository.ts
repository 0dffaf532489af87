import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Country, IncomeGroup, WhoRegion } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { preparedText, tableRowsQuery } from '../../db/driver';
import { countries } from '../../db/schema';

type Row = typeof countries.$inferSelect;

export function toCountry(r: Row): Country {
  return {
    iso3: r.iso3,
    iso2: r.iso2,
    m49Code: r.m49Code,
    name: r.name,
    isoName: r.isoName,
    whoMember: r.whoMember,
    whoRegion: r.whoRegion as WhoRegion | null,
    unRegion: r.unRegion,
    unSubregion: r.unSubregion,
    incomeGroup: r.incomeGroup as IncomeGroup | null,
  };
}

export interface CountryFilter {
  whoRegion?: WhoRegion | undefined;
  incomeGroup?: IncomeGroup | undefined;
  /** UN M49 region name (Africa, Americas, Asia, Europe, Oceania). */
  unRegion?: string | undefined;
  q?: string | undefined;
  whoMember?: boolean | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCountries(db: DbOrTx, f: CountryFilter): Promise<Country[]> {
  const where: SQL[] = [];
  if (f.whoRegion) where.push(eq(countries.whoRegion, f.whoRegion));
  if (f.incomeGroup) where.push(eq(countries.incomeGroup, f.incomeGroup));
  if (f.unRegion) where.push(eq(countries.unRegion, f.unRegion));
  if (f.whoMember !== undefined) where.push(eq(countries.whoMember, f.whoMember));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const m = or(
      ilike(countries.name, pattern),
      ilike(countries.isoName, pattern),
      ilike(countries.iso3, pattern),
    );
    if (m) where.push(m);
  }
  const rows = await db
    .select()
    .from(countries)
    .where(and(...where))
    .orderBy(asc(countries.name));
  return rows.map(toCountry);
}

export async function findCountry(db: DbOrTx, iso3: string): Promise<Country | null> {
  const [row] = await countryByIso3(db, [iso3]);
  return row ? toCountry(row) : null;
}
const countryByIso3 = tableRowsQuery(countries, 'where t.iso3 = $1');

/** Every country's ISO3 code, by name (as listCountries orders them). */
export async function allIso3(db: DbOrTx): Promise<string[]> {
  const rows = await preparedText<{ iso3: string }>(db, 'select iso3 from countries order by name', []);
  return rows.map((r) => r.iso3);
}

/** Which of these ISO3 codes are countries (one prepared statement whatever their number). */
export async function knownIso3(db: DbOrTx, codes: string[]): Promise<string[]> {
  const rows = await preparedText<{ iso3: string }>(db, KNOWN_ISO3, [codes.join(',')]);
  return rows.map((r) => r.iso3);
}
const KNOWN_ISO3 = `select c.iso3 from unnest(string_to_array($1, ',')) u(code) join countries c on c.iso3 = u.code::bpchar`;

/** Every country's ISO3 code, WHO short name and ISO name (to read countries named in a file). */
export async function countryNames(db: DbOrTx) {
  return db
    .select({ iso3: countries.iso3, name: countries.name, isoName: countries.isoName })
    .from(countries);
}
