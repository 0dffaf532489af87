import { z } from 'zod';
import { CountrySchema, IncomeGroupSchema, Iso3Schema, WhoRegionSchema } from '../domain/country';
import { listOf } from './common';

export const CountryListQuerySchema = z.object({
  whoRegion: WhoRegionSchema.optional(),
  incomeGroup: IncomeGroupSchema.optional(),
  q: z.string().trim().max(100).optional().describe('Matches name, ISO name or code (case-insensitive)'),
  whoMember: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type CountryListQuery = z.input<typeof CountryListQuerySchema>;

export const CountryListSchema = listOf(CountrySchema);
export type CountryList = z.infer<typeof CountryListSchema>;

export const CountryParamsSchema = z.object({ iso3: Iso3Schema });
