import type { Country } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { type CountryFilter, findCountry, listCountries } from './repository';

/** The countries matching the filter (region, income group, name …), by name. */
export async function searchCountries(db: DbOrTx, filter: CountryFilter): Promise<Country[]> {
  return listCountries(db, filter);
}

/** The country with this ISO3 code, or 404. */
export async function getCountry(db: DbOrTx, iso3: string): Promise<Country> {
  const c = await findCountry(db, iso3);
  if (!c) throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  return c;
}
