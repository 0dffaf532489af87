import { IncomeGroupSchema, WhoRegionSchema } from '../../../shared';
import type { CountryFilters } from './api/get-countries';

/**
 * Filters live in the URL (?q=jor&region=EMR&income=LMC) so a filtered list can be linked.
 * Unknown codes in a hand-edited URL are ignored rather than sent to the server.
 */
export function filtersFromSearchParams(params: URLSearchParams): CountryFilters {
  const q = params.get('q')?.trim() || undefined;
  const region = WhoRegionSchema.safeParse(params.get('region'));
  const income = IncomeGroupSchema.safeParse(params.get('income'));
  return {
    q,
    whoRegion: region.success ? region.data : undefined,
    incomeGroup: income.success ? income.data : undefined,
  };
}

export function filtersToSearchParams(filters: CountryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.whoRegion) params.set('region', filters.whoRegion);
  if (filters.incomeGroup) params.set('income', filters.incomeGroup);
  return params;
}
