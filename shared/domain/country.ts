import { z } from 'zod';

/** WHO regional offices, as coded by WHO (AFRO = AFR, EMRO = EMR …). */
export const WHO_REGIONS = ['AFR', 'AMR', 'SEAR', 'EUR', 'EMR', 'WPR'] as const;
export const WhoRegionSchema = z.enum(WHO_REGIONS).describe('WHO region code');
export type WhoRegion = z.infer<typeof WhoRegionSchema>;

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
export const IncomeGroupSchema = z.enum(INCOME_GROUPS).describe('World Bank income group code');
export type IncomeGroup = z.infer<typeof IncomeGroupSchema>;

export const INCOME_GROUP_NAMES: Record<IncomeGroup, string> = {
  LIC: 'Low income',
  LMC: 'Lower middle income',
  UMC: 'Upper middle income',
  HIC: 'High income',
};

/** UN M49 regions, as named in countries.un_region. */
export const UN_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export const UnRegionSchema = z.enum(UN_REGIONS).describe('UN M49 region');
export type UnRegion = z.infer<typeof UnRegionSchema>;

export const Iso3Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 3166-1 alpha-3 code');

export const CountrySchema = z.object({
  iso3: z.string().length(3),
  iso2: z.string().length(2).nullable(),
  m49Code: z.string().nullable().describe('UN M49 numeric code'),
  name: z.string().describe('WHO short name, else the ISO name'),
  isoName: z.string(),
  whoMember: z.boolean(),
  whoRegion: WhoRegionSchema.nullable(),
  unRegion: z.string().nullable().describe('UN M49 region'),
  unSubregion: z.string().nullable(),
  incomeGroup: IncomeGroupSchema.nullable(),
});
export type Country = z.infer<typeof CountrySchema>;
