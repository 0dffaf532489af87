import { INCOME_GROUPS, WHO_REGIONS } from '../../../shared/constants/country';
import { isOneOf } from '../../../shared/constants/guard';
import type { CountryFilters } from './api/get-countries';

/**
 * Filters live in the URL, named as the API names them (?q=jor&whoRegion=EMR&incomeGroup=LMC), so a
 * filtered list can be linked and the page's address reads like the request behind it. Links made before
 * the rename (?region=EMR&income=LMC) still open filtered: the old names are read when the new ones are
 * absent, and the next change writes the new names. Unknown codes in a hand-edited URL are ignored rather
 * than sent to the server.
 */
export function filtersFromSearchParams(params: URLSearchParams): CountryFilters {
  const q = params.get('q')?.trim() || undefined;
  const region = params.get('whoRegion') ?? params.get('region');
  const income = params.get('incomeGroup') ?? params.get('income');
  return {
    q,
    whoRegion: isOneOf(WHO_REGIONS, region) ? region : undefined,
    incomeGroup: isOneOf(INCOME_GROUPS, income) ? income : undefined,
  };
}

export function filtersToSearchParams(filters: CountryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.whoRegion) params.set('whoRegion', filters.whoRegion);
  if (filters.incomeGroup) params.set('incomeGroup', filters.incomeGroup);
  return params;
}
