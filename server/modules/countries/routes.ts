import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CountryListQuerySchema,
  CountryListSchema,
  CountryParamsSchema,
  CountrySchema,
  ErrorEnvelopeSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { getCountry, searchCountries } from './service';

export function countryRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/countries',
      {
        config: { access: 'read' },
        schema: {
          tags: ['countries'],
          summary: 'List countries',
          querystring: CountryListQuerySchema,
          response: { 200: CountryListSchema, 400: ErrorEnvelopeSchema },
        },
      },
      async (req) => ({ items: await searchCountries(database.db, req.query) }),
    );
    r.get(
      '/api/countries/:iso3',
      {
        config: { access: 'read' },
        schema: {
          tags: ['countries'],
          summary: 'One country',
          params: CountryParamsSchema,
          response: { 200: CountrySchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => getCountry(database.db, req.params.iso3),
    );
  };
}
