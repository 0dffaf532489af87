import type { MeCompare } from '../../../shared';

/** Above this many countries, the side-by-side table starts with the countries that have a profile. */
export const FEW_COUNTRIES = 4;

/**
 * The countries with some public answer in their M&E profile, and the case study (always a column):
 * a region of twenty countries where two have a profile would otherwise show columns of dashes.
 */
export function splitProfiled(data: MeCompare, caseStudy: string | null) {
  const answered = new Set(
    data.rows.flatMap((row) => row.cells.filter((c) => c.value !== null).map((c) => c.iso3)),
  );
  const has = (iso3: string) => answered.has(iso3) || iso3 === caseStudy;
  return {
    profiled: data.countries.filter((c) => has(c.iso3)),
    without: data.countries.filter((c) => !has(c.iso3)),
  };
}

/**
 * ?profiles=all shows every member, ?profiles=only the profiled ones; without it, only the profiled
 * ones when the group has more than a few countries.
 */
export function onlyProfiledFrom(params: URLSearchParams, members: number): boolean {
  const raw = params.get('profiles');
  if (raw === 'all') return false;
  if (raw === 'only') return true;
  return members > FEW_COUNTRIES;
}
