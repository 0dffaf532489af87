import { z } from 'zod';
import { INCOME_GROUPS, ISO3_PATTERN, UN_REGIONS, WHO_REGIONS } from '../constants/country';

export * from '../constants/country';

export const WhoRegionSchema = z.enum(WHO_REGIONS).describe('WHO region code');
export const IncomeGroupSchema = z.enum(INCOME_GROUPS).describe('World Bank income group code');
export const UnRegionSchema = z.enum(UN_REGIONS).describe('UN M49 region');

export const Iso3Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ISO3_PATTERN, 'must be a three-letter ISO 3166-1 alpha-3 code');

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
