import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { INCOME_GROUP_NAMES, type IncomeGroup, WHO_REGIONS, type WhoRegion } from '../../../shared';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import type { DbOrTx } from '../client';
import { countries } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

const incomeByName = new Map(
  Object.entries(INCOME_GROUP_NAMES).map(([code, name]) => [name.toLowerCase(), code as IncomeGroup]),
);

export async function readCountriesCsv(
  file = path.join(REFERENCE_DATA_DIR, 'countries/countries_reference.csv'),
) {
  const records = parseCsvRecords(await readFile(file, 'utf8'));
  return records.map((r) => {
    const region = r.who_region as WhoRegion;
    const income = (r.wb_income_group ?? '').trim().toLowerCase();
    return {
      iso3: r.iso3 as string,
      iso2: r.iso2 || null,
      m49Code: r.m49_code || null,
      name: r.name as string,
      isoName: r.iso_name as string,
      whoMember: r.who_member === 'true',
      whoRegion: WHO_REGIONS.includes(region) ? region : null,
      unRegion: r.un_m49_region || null,
      unSubregion: r.un_m49_subregion || null,
      incomeGroup: income ? (incomeByName.get(income) ?? null) : null,
    };
  });
}

/** Inserts the reference countries; existing rows are left alone (idempotent). */
export async function loadCountries(db: DbOrTx): Promise<number> {
  const rows = await readCountriesCsv();
  await db.insert(countries).values(rows).onConflictDoNothing({ target: countries.iso3 });
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(countries);
  return c?.n ?? 0;
}
