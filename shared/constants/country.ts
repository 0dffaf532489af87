/**
 * Country classifications without zod (filters and pickers render with these on the first
 * page); shared/domain/country.ts re-exports them next to their schemas.
 */

/** WHO regional offices, as coded by WHO (AFRO = AFR, EMRO = EMR …). */
export const WHO_REGIONS = ['AFR', 'AMR', 'SEAR', 'EUR', 'EMR', 'WPR'] as const;
export type WhoRegion = (typeof WHO_REGIONS)[number];

export const WHO_REGION_NAMES: Record<WhoRegion, string> = {
  AFR: 'African Region',
  AMR: 'Region of the Americas',
  SEAR: 'South-East Asia Region',
  EUR: 'European Region',
  EMR: 'Eastern Mediterranean Region',
  WPR: 'Western Pacific Region',
};

/** World Bank income groups (CLASS list, FY2024). */
export const INCOME_GROUPS = ['LIC', 'LMC', 'UMC', 'HIC'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

export const INCOME_GROUP_NAMES: Record<IncomeGroup, string> = {
  LIC: 'Low income',
  LMC: 'Lower middle income',
  UMC: 'Upper middle income',
  HIC: 'High income',
};

/** UN M49 regions, as named in countries.un_region. */
export const UN_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export type UnRegion = (typeof UN_REGIONS)[number];

/** A three-letter ISO 3166-1 alpha-3 code (after trimming and upper-casing). */
export const ISO3_PATTERN = /^[A-Z]{3}$/;

/** A country code as Iso3Schema reads it (trimmed, upper case), or null. */
export function parseIso3(raw: string | null | undefined): string | null {
  const code = (raw ?? '').trim().toUpperCase();
  return ISO3_PATTERN.test(code) ? code : null;
}

/** The countries search (`q`): the query schema bounds it and the search box gives it as maxLength. */
export const COUNTRY_SEARCH_MAX_LENGTH = 100;
