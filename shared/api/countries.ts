import { z } from 'zod';
import { COUNTRY_SEARCH_MAX_LENGTH } from '../constants/country';
import { CountrySchema, IncomeGroupSchema, Iso3Schema, WhoRegionSchema } from '../domain/country';
import { listOf } from './common';

export const CountryListQuerySchema = z.object({
  whoRegion: WhoRegionSchema.optional(),
  incomeGroup: IncomeGroupSchema.optional(),
  q: z
    .string()
    .trim()
    .max(COUNTRY_SEARCH_MAX_LENGTH)
    .optional()
    .describe('Matches name, ISO name or code (case-insensitive)'),
  whoMember: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type CountryListQuery = z.input<typeof CountryListQuerySchema>;

export const CountryListSchema = listOf(CountrySchema);
export type CountryList = z.infer<typeof CountryListSchema>;

export const CountryParamsSchema = z.object({ iso3: Iso3Schema });
