import { INCOME_GROUPS, WHO_REGIONS } from '../../../shared/constants/country';
import { isOneOf } from '../../../shared/constants/guard';
import type { CountryFilters } from './api/get-countries';

/**
 * Filters live in the URL (?q=jor&region=EMR&income=LMC) so a filtered list can be linked.
 * Unknown codes in a hand-edited URL are ignored rather than sent to the server.
 */
export function filtersFromSearchParams(params: URLSearchParams): CountryFilters {
  const q = params.get('q')?.trim() || undefined;
  const region = params.get('region');
  const income = params.get('income');
  return {
    q,
    whoRegion: isOneOf(WHO_REGIONS, region) ? region : undefined,
    incomeGroup: isOneOf(INCOME_GROUPS, income) ? income : undefined,
  };
}

export function filtersToSearchParams(filters: CountryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.whoRegion) params.set('region', filters.whoRegion);
  if (filters.incomeGroup) params.set('income', filters.incomeGroup);
  return params;
}
